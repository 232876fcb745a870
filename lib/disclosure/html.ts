import { Disclosure, DisclosedSite, describeLifetime, describeRegion, describeServerSessions } from './model';

export interface PrivacyPageOptions {
  /** @default 'Privacy' */
  readonly title?: string;
  /** @default '/style.css' */
  readonly stylesheet?: string;
  /** Navigation links shown above the page. @default a link to the home page */
  readonly nav?: ReadonlyArray<{ readonly href: string; readonly label: string }>;
  /** Paragraphs shown before the disclosure. @default none */
  readonly intro?: readonly string[];
}

/**
 * The privacy page: the disclosure as a complete HTML document. No inline script
 * or style, so it is served under the sites' self-only Content-Security-Policy.
 */
export function renderPrivacyPage(d: Disclosure, options: PrivacyPageOptions = {}): string {
  const nav = options.nav ?? [{ href: '/', label: 'Home' }];
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(options.title ?? 'Privacy')}</title>`,
    `<link rel="stylesheet" href="${esc(options.stylesheet ?? '/style.css')}">`,
    '</head>',
    '<body>',
    `<header><nav>${nav.map((n) => `<a href="${esc(n.href)}">${esc(n.label)}</a>`).join(' · ')}</nav></header>`,
    '<main>',
    ...(options.intro ?? []).map((p) => `<p>${esc(p)}</p>`),
    renderDisclosureHtml(d),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The disclosure as an HTML fragment (headings, tables, lists). */
export function renderDisclosureHtml(d: Disclosure): string {
  const out = ['<h1>Privacy: what our sites collect</h1>'];
  for (const site of d.sites) out.push(siteSection(site));
  out.push('<h2>Processors</h2>');
  if (d.processors.length === 0) out.push('<p>We share personal data with no third party.</p>');
  else {
    out.push('<ul>');
    for (const p of d.processors) {
      out.push(
        `<li><strong>${esc(p.name)}</strong>${p.host ? ` (${esc(p.host)})` : ''}: ${esc(p.purpose)} ` +
          `<a href="${esc(p.privacyPolicyUrl)}">Privacy policy</a></li>`,
      );
    }
    out.push('</ul>');
  }
  return out.join('\n');
}

function siteSection(site: DisclosedSite): string {
  const out = [
    `<section id="site-${esc(site.key)}">`,
    `<h2>${esc(site.title)}${site.host ? ` (${esc(site.host)})` : ''}</h2>`,
    `<p>${esc(site.description)}</p>`,
    '<h3>Cookies</h3>',
  ];
  if (site.cookies.length === 0) out.push('<p>This site sets no cookies.</p>');
  else {
    out.push('<table>', '<tr><th>Cookie</th><th>Purpose</th><th>Lifetime</th><th>When</th><th>Readable by scripts</th></tr>');
    for (const c of site.cookies) {
      out.push(
        `<tr><td><code>${esc(c.name)}</code></td><td>${esc(c.purpose)}</td><td>${esc(describeLifetime(c.lifetime))}</td>` +
          `<td>${esc(c.when)}</td><td>${c.httpOnly ? 'no' : 'yes'}</td></tr>`,
      );
    }
    out.push('</table>', '<p>All are first-party, non-tracking and strictly necessary. No other cookie passes our servers.</p>');
  }
  out.push('<h3>Data stored</h3>', '<ul>', ...site.dataStored.map((x) => `<li>${esc(x)}</li>`), '</ul>');
  out.push(
    '<h3>Where and for how long</h3>',
    '<ul>',
    `<li>Hosted in ${esc(describeRegion(site.region))}.</li>`,
    `<li>Web server logs are deleted after at most ${site.logRetentionDays} days; client IP addresses are ${
      site.ipAddressesInLogs === 'truncate' ? 'truncated' : 'kept as logged'
    } until then.</li>`,
    `<li>Backups are deleted after at most ${site.backupRetentionDays} days.</li>`,
    ...(site.serverSessionDays ? [`<li>${esc(describeServerSessions(site.serverSessionDays))}</li>`] : []),
    '</ul>',
    '</section>',
  );
  return out.join('\n');
}

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}
