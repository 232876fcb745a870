import { CookieEvidence, Evidence } from './types';

/** evidence.html: the same facts as evidence.json, for a person to read. */
export function renderEvidenceHtml(e: Evidence): string {
  const thirdParty = e.hosts.filter((h) => h.party === 'third');
  const storageKeys = e.pages.flatMap((p) => [...p.localStorage, ...p.sessionStorage]);
  const out = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Evidence: ' + esc(e.url) + '</title>',
    '<style>body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse}' +
      'td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left;vertical-align:top}img{max-width:36rem;border:1px solid #ccc}' +
      '.ok{color:#060}.bad{color:#a00}</style></head><body>',
    `<h1>What a visitor's browser receives from ${esc(e.url)}</h1>`,
    `<p>Collected ${esc(e.collectedAt)} with ${esc(e.browser)}; ${e.pages.length} page(s).</p>`,
    '<h2>Summary</h2><ul>',
    verdict(e.cookies.length === 0, `${e.cookies.length} cookie(s) after the crawl`),
    verdict(storageKeys.length === 0, `${storageKeys.length} localStorage/sessionStorage key(s)`),
    verdict(thirdParty.length === 0, `${thirdParty.length} third-party host(s) requested`),
    verdict(
      e.legacyPurge.purged,
      `legacy cookies ${e.legacyPurge.seeded.join(', ')} planted on .${e.legacyPurge.domain}: ` +
        (e.legacyPurge.purged ? 'gone after one visit' : `still there after one visit: ${e.legacyPurge.remaining.join(', ')}`),
    ),
    '</ul>',
    '<h2>Cookies</h2>',
    cookieTable(e.cookies),
    '<h2>Hosts requested</h2><table><tr><th>Host</th><th>Party</th><th>Requests</th></tr>',
    ...e.hosts.map((h) => `<tr><td>${esc(h.host)}</td><td>${h.party}</td><td>${h.requests}</td></tr>`),
    '</table>',
    '<h2>Pages</h2>',
  ];
  for (const p of e.pages) {
    out.push(
      `<h3><a href="${esc(p.url)}">${esc(p.url)}</a> — ${p.status ?? 'no response'} ${esc(p.title)}</h3>`,
      '<table>',
      ...Object.entries(p.headers).map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`),
      `<tr><th>localStorage</th><td>${esc(p.localStorage.join(', ') || 'empty')}</td></tr>`,
      `<tr><th>sessionStorage</th><td>${esc(p.sessionStorage.join(', ') || 'empty')}</td></tr>`,
      `<tr><th>requests</th><td>${p.requests.map((r) => `${r.party}: ${esc(r.url)}`).join('<br>')}</td></tr>`,
      '</table>',
      `<p><img src="${esc(p.screenshot)}" alt="screenshot of ${esc(p.url)}"></p>`,
    );
  }
  out.push('</body></html>', '');
  return out.join('\n');
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

function verdict(ok: boolean, text: string): string {
  return `<li class="${ok ? 'ok' : 'bad'}">${esc(text)}</li>`;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}
