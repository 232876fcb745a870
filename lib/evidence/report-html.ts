import { CookieEvidence, CookieJudgement, Evidence, PageEvidence, RequestEvidence } from './types';

/** evidence.html: the same facts as evidence.json, for a person to read. */
export function renderEvidenceHtml(e: Evidence): string {
  const thirdPartySent = e.hosts.filter((h) => h.party === 'third' && h.sent > 0);
  const storageKeys = e.pages.flatMap((p) => [...p.localStorage, ...p.sessionStorage]);
  const count = (f: (p: PageEvidence) => number) => e.pages.reduce((n, p) => n + f(p), 0);
  const csp = count((p) => p.cspViolations.length);
  const headerProblems = count((p) => p.headerProblems.length);
  const errors = count((p) => p.console.filter((m) => m.type === 'error').length + p.pageErrors.length);
  const brokenLinks = e.links.filter((l) => l.check?.broken);
  const failedPages = e.pages.filter((p) => p.status === null || p.status >= 400);
  const mixed = count((p) => p.mixedContent.length);
  const blockedFrames = count((p) => p.frames.filter((f) => f.blocked).length);
  const out = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Evidence: ' + esc(e.url) + '</title>',
    '<style>body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse}' +
      'td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left;vertical-align:top}img{max-width:36rem;border:1px solid #ccc}' +
      '.ok{color:#060}.bad{color:#a00}tr.ok td{background:#eaf6ea}tr.bad td{background:#fbeaea}</style></head><body>',
    `<h1>What a visitor's browser receives from ${esc(e.url)}</h1>`,
    `<p>Collected ${esc(e.collectedAt)} with ${esc(e.browser)}; ${e.pages.length} page(s); schema version ${e.schemaVersion}; mode ${e.mode}` +
      (e.ignoreHTTPSErrors ? '; certificate errors ignored (local preview)' : '') + '.</p>',
  ];
  if (e.verdict) {
    out.push(
      `<h2 class="${e.verdict.passed ? 'ok' : 'bad'}">Verdict against the ${esc(e.verdict.site)} disclosure: ${e.verdict.passed ? 'passed' : 'FAILED'}</h2><ul>`,
      ...e.verdict.checks.map((c) => `<li class="${c.passed ? 'ok' : 'bad'}"><code>${c.id}</code> ${c.passed ? 'passed' : 'FAILED'}: ${esc(c.summary)}</li>`),
      '</ul>',
    );
  }
  out.push(
    '<h2>Summary</h2><ul>',
    e.verdict ? '' : line(e.cookies.length === 0, `${e.cookies.length} cookie(s) after the crawl (no verdict: declared cookies unknown)`),
    line(storageKeys.length === 0, `${storageKeys.length} localStorage/sessionStorage key(s)`),
    line(thirdPartySent.length === 0, `${thirdPartySent.length} third-party host(s) requests were sent to`),
    line(csp === 0, `${csp} Content Security Policy violation(s)`),
    line(headerProblems === 0, `${headerProblems} response header item(s) the browser could not apply`),
    line(errors === 0, `${errors} console error(s) and uncaught page error(s)`),
    line(brokenLinks.length === 0 && failedPages.length === 0, `${brokenLinks.length} broken link(s), ${failedPages.length} page(s) with an error status or failed navigation`),
    line(mixed === 0, `${mixed} mixed-content request(s)`),
    line(blockedFrames === 0, `${blockedFrames} blocked frame(s)`),
    line(true, `${e.downloads.length} download(s) or file link(s) recorded, not opened`),
    line(
      e.legacyPurge.purged,
      `legacy cookies ${e.legacyPurge.seeded.join(', ')} planted on .${e.legacyPurge.domain}: ` +
        (e.legacyPurge.purged ? 'gone after one visit' : `still there after one visit: ${e.legacyPurge.remaining.join(', ')}`),
    ),
    '</ul>',
    '<h2>Cookies</h2>',
    e.verdict ? judgedCookieTable(e.verdict.cookies) : cookieTable(e.cookies),
    '<h2>Hosts requested</h2><table><tr><th>Host</th><th>Party</th><th>Requests</th><th>Sent</th></tr>',
    ...e.hosts.map((h) => `<tr class="${h.party === 'third' && h.sent > 0 ? 'bad' : ''}"><td>${esc(h.host)}</td><td>${h.party}</td><td>${h.requests}</td><td>${h.sent}</td></tr>`),
    '</table>',
    '<h2>Links</h2><table><tr><th>Link</th><th>Checked</th><th>Status</th><th>Kind</th><th>Found on</th></tr>',
    ...e.links.map(
      (l) =>
        `<tr class="${l.check?.broken ? 'bad' : ''}"><td>${esc(l.url)}</td><td>${l.check ? l.check.method : l.sameHost ? 'no' : 'no (other host)'}</td>` +
        `<td>${l.check ? esc(String(l.check.status ?? l.check.error ?? '')) : ''}${l.check?.redirects ? ` after ${l.check.redirects} redirect(s)` : ''}</td>` +
        `<td>${l.check?.kind ?? ''}</td><td>${l.foundOn.map(esc).join('<br>')}</td></tr>`,
    ),
    '</table>',
    '<h2>Downloads and files (not opened)</h2>',
    e.downloads.length ? '<ul>' + e.downloads.map((d) => `<li>${esc(d.url)}: ${esc(d.reason)}${d.suggestedFilename ? ` (${esc(d.suggestedFilename)})` : ''}</li>`).join('') + '</ul>' : '<p>None.</p>',
    '<h2>Pages</h2>',
  );
  for (const p of e.pages) out.push(...pageSection(p));
  out.push('</body></html>', '');
  return out.join('\n');
}

function pageSection(p: PageEvidence): string[] {
  const rows = (label: string, items: string[]) => `<tr><th>${label}</th><td class="${items.length ? 'bad' : ''}">${items.join('<br>') || 'none'}</td></tr>`;
  return [
    `<h3 class="${p.status === null || p.status >= 400 ? 'bad' : ''}"><a href="${esc(p.url)}">${esc(p.url)}</a> — ${p.status ?? esc(`no response: ${p.navigationError ?? ''}`)} ${esc(p.title)}</h3>`,
    '<table>',
    ...Object.entries(p.headers).map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`),
    `<tr><th>localStorage</th><td>${esc(p.localStorage.join(', ') || 'empty')}</td></tr>`,
    `<tr><th>sessionStorage</th><td>${esc(p.sessionStorage.join(', ') || 'empty')}</td></tr>`,
    rows('CSP violations', p.cspViolations.map((v) => esc(`${v.directive} blocked ${v.blockedURI} (${v.sourceFile || 'page'}:${v.lineNumber}, ${v.disposition})`))),
    rows('header problems', p.headerProblems.map((h) => esc(`${h.header}: ${h.message}`))),
    rows('console', p.console.map((m) => esc(`${m.type}: ${m.text}`))),
    rows('page errors', p.pageErrors.map(esc)),
    rows('blocked frames', p.frames.filter((f) => f.blocked).map((f) => esc(f.src || f.url))),
    rows('mixed content', p.mixedContent.map((m) => esc(`${m.element} ${m.url} (${m.treatment})`))),
    `<tr><th>requests</th><td>${p.requests.map(requestLine).join('<br>')}</td></tr>`,
    '</table>',
    p.screenshot ? `<p><img src="${esc(p.screenshot)}" alt="screenshot of ${esc(p.url)}"></p>` : '',
  ];
}

function requestLine(r: RequestEvidence): string {
  const outcome = r.outcome === 'response' ? String(r.status) : r.outcome === 'blocked' ? `blocked in the browser (${r.failure}), never sent` : r.outcome === 'failed' ? `failed (${r.failure})` : 'pending';
  const cls = r.party === 'third' && r.outcome !== 'blocked' ? 'bad' : r.outcome === 'response' && (r.status ?? 0) < 400 ? '' : 'bad';
  return `<span class="${cls}">${r.party}: ${esc(r.method)} ${esc(r.url)} — ${esc(outcome)}</span>`;
}

/** Declared cookies as declared in green; anything else in red with the reasons. */
function judgedCookieTable(cookies: readonly CookieJudgement[]): string {
  if (cookies.length === 0) return '<p>None.</p>';
  const rows = cookies.map(
    (c) =>
      `<tr class="${c.ok ? 'ok' : 'bad'}"><td>${esc(c.name)}</td><td>${esc(c.domain)}</td><td>${c.declared ? 'declared' : 'undeclared'}</td>` +
      `<td>${c.lifetimeDays === null ? 'session' : `${c.lifetimeDays} days`}</td><td>${c.ok ? 'as declared' : esc(c.reasons.join('; '))}</td><td>${esc(c.firstSeenOn)}</td></tr>`,
  );
  return ['<table><tr><th>Name</th><th>Domain</th><th>Declared</th><th>Lifetime</th><th>Verdict</th><th>First seen on</th></tr>', ...rows, '</table>'].join('\n');
}

function cookieTable(cookies: readonly CookieEvidence[]): string {
  if (cookies.length === 0) return '<p>None.</p>';
  const rows = cookies.map(
    (c) =>
      `<tr><td>${esc(c.name)}</td><td>${esc(c.domain)}</td><td>${esc(c.path)}</td>` +
      `<td>${c.expires === null ? 'session' : new Date(c.expires * 1000).toISOString()}</td>` +
      `<td>${c.secure ? 'yes' : 'no'}</td><td>${c.httpOnly ? 'yes' : 'no'}</td><td>${c.sameSite}</td><td>${c.party}</td></tr>`,
  );
  return ['<table><tr><th>Name</th><th>Domain</th><th>Path</th><th>Expires</th><th>Secure</th><th>HttpOnly</th><th>SameSite</th><th>Party</th></tr>', ...rows, '</table>'].join('\n');
}

function line(ok: boolean, text: string): string {
  return `<li class="${ok ? 'ok' : 'bad'}">${esc(text)}</li>`;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}
