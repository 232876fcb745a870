import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Browser } from 'playwright-core';
import { CheckId, collectEvidence, Evidence, launchChromium, renderEvidenceHtml, SCHEMA_VERSION, SiteExpectations } from '../../lib/evidence';
import { evidenceCommand } from '../../lib/evidence/command';
import { BrokenSite, FIXTURE_HEADERS, startBrokenSite } from './fixtures/broken-site';

/**
 * Each section of a small HTTPS site on loopback shows one problem; the evidence
 * must record it and the verdict must fail on exactly the check that names it.
 */
const EXPECTED: SiteExpectations = {
  site: 'appman',
  cookies: [{ name: 'pref', purpose: 'Remembers a choice.', lifetime: { maxDays: 30 }, httpOnly: false }],
  headers: Object.entries(FIXTURE_HEADERS).map(([name, value]) => ({ name, rule: 'exact' as const, value })),
};
const SECTIONS = ['clean', 'inline', 'blocked', 'tracker', 'broken', 'error', 'download', 'mixed', 'undeclared', 'long-lived', 'missing-headers', 'bad-header', 'script-error', 'redirect'];

let browser: Browser;
let site: BrokenSite;
const evidence: Record<string, Evidence> = {};
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'evidence-breakage-'));

beforeAll(async () => {
  site = await startBrokenSite();
  browser = await launchChromium([site.hostResolverRules]);
  for (const section of SECTIONS) {
    evidence[section] = await collectEvidence(site.url(section), { pages: 5, browser, ignoreHTTPSErrors: true, expect: EXPECTED });
  }
}, 300000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

function failed(section: string): CheckId[] {
  return evidence[section].verdict!.checks.filter((c) => !c.passed).map((c) => c.id);
}

function pageAt(section: string, pathname: string) {
  return evidence[section].pages.find((p) => new URL(p.url).pathname === pathname)!;
}

describe('evidence of what breaks, judged against the declared site', () => {
  test('a clean section passes every check, with a declared cookie within its lifetime', () => {
    expect(failed('clean')).toEqual([]);
    expect(evidence.clean.verdict!.cookies).toEqual([expect.objectContaining({ name: 'pref', declared: true, ok: true, reasons: [] })]);
    expect(evidence.clean.pages.map((p) => new URL(p.url).pathname)).toEqual(['/clean/', '/clean/other']);
  });

  test('an inline script under the CSP: the violation with directive, source and line; no-csp-violations fails', () => {
    const page = pageAt('inline', '/inline/');
    expect(page.cspViolations).toEqual([
      expect.objectContaining({ directive: 'script-src-elem', blockedURI: 'inline', sourceFile: site.url('inline'), lineNumber: 1, disposition: 'enforce' }),
    ]);
    expect(page.console.filter((m) => m.csp)).toHaveLength(1);
    expect(page.title).toBe('inline');
    expect(failed('inline')).toEqual(['no-csp-violations']);
  });

  test('a third-party script and frame blocked by the CSP: recorded as blocked in the browser, never sent', () => {
    const page = pageAt('blocked', '/blocked/');
    expect(page.requests.filter((r) => r.party === 'third')).toEqual([expect.objectContaining({ url: 'https://tracker.example/t.js', outcome: 'blocked', failure: 'csp' })]);
    expect(page.frames).toEqual([{ src: 'https://video.example/embed', url: 'chrome-error://chromewebdata/', blocked: true }]);
    expect(page.cspViolations.map((v) => [v.directive, v.blockedURI])).toEqual([
      ['script-src-elem', 'https://tracker.example/t.js'],
      ['frame-src', 'https://video.example'],
    ]);
    expect(evidence.blocked.hosts.find((h) => h.host === 'tracker.example')).toEqual({ host: 'tracker.example', party: 'third', requests: 1, sent: 0 });
    expect(failed('blocked')).toEqual(['no-csp-violations']);
  });

  test('the same third-party script without a CSP is sent: no-third-party-requests fails', () => {
    const page = pageAt('tracker', '/tracker/');
    expect(page.requests.filter((r) => r.party === 'third')).toEqual([expect.objectContaining({ url: 'https://tracker.example/t.js', outcome: 'response', status: 200 })]);
    expect(failed('tracker')).toEqual(['no-third-party-requests']);
  });

  test('a broken link: checked by HEAD with its 404, the 404 page recorded; no-broken-links fails', () => {
    const link = evidence.broken.links.find((l) => l.url.endsWith('/broken/missing'))!;
    expect(link).toMatchObject({ sameHost: true, foundOn: [site.url('broken')], check: { method: 'HEAD', status: 404, broken: true } });
    expect(pageAt('broken', '/broken/missing').status).toBe(404);
    expect(failed('broken')).toEqual(['no-broken-links']);
    expect(evidence.broken.verdict!.checks.find((c) => c.id === 'no-broken-links')!.summary).toMatch(/\/broken\/missing → 404/);
  });

  test('a 500 page: the link and the page carry the status; no-broken-links fails', () => {
    expect(evidence.error.links.find((l) => l.url.endsWith('/error/fail'))!.check).toMatchObject({ status: 500, broken: true });
    expect(pageAt('error', '/error/fail').status).toBe(500);
    expect(failed('error')).toEqual(['no-broken-links']);
  });

  test('download links are recorded and skipped, the crawl completes and the verdict passes', () => {
    const byName = Object.fromEntries(evidence.download.downloads.map((d) => [new URL(d.url).pathname, d]));
    expect(byName['/download/installer.iso']).toMatchObject({ reason: 'Content-Disposition: attachment', foundOn: [site.url('download')] });
    expect(byName['/download/notes.pdf']).toMatchObject({ reason: 'Content-Type: application/pdf' });
    expect(byName['/download/sneaky']).toMatchObject({ reason: 'navigation started a download', suggestedFilename: 'sneaky.bin' });
    expect(evidence.download.pages.map((p) => new URL(p.url).pathname)).toEqual(['/download/']);
    expect(failed('download')).toEqual([]);
  });

  test('a mixed-content image on an https page: recorded with what the browser did; no-mixed-content fails', () => {
    expect(pageAt('mixed', '/mixed/').mixedContent).toEqual([{ url: 'http://mixed.example/pixel.svg', element: 'element', treatment: 'upgraded' }]);
    expect(failed('mixed')).toEqual(['no-mixed-content']);
  });

  test('an undeclared cookie: red with its reason; cookies-declared fails', () => {
    expect(evidence.undeclared.verdict!.cookies).toEqual([expect.objectContaining({ name: 'visitor_id', declared: false, ok: false, reasons: ['not declared for this site'] })]);
    expect(failed('undeclared')).toEqual(['cookies-declared']);
  });

  test('a declared cookie that lives too long: the observed and declared lifetimes; cookies-declared fails', () => {
    const [pref] = evidence['long-lived'].verdict!.cookies;
    expect(pref).toMatchObject({ name: 'pref', declared: true, ok: false });
    // The page asks for ten years; Chromium caps every cookie at 400 days (RFC 6265bis, "Cookie Lifetime Limits").
    expect(pref.reasons).toEqual([expect.stringMatching(/^lives (399\.9\d|400) days; declared at most 30$/)]);
    expect(failed('long-lived')).toEqual(['cookies-declared']);
  });

  test('headers missing from what the site configures: security-headers fails, naming them', () => {
    expect(failed('missing-headers')).toEqual(['security-headers']);
    const check = evidence['missing-headers'].verdict!.checks.find((c) => c.id === 'security-headers')!;
    expect(check.evidence).toEqual(expect.arrayContaining([expect.objectContaining({ header: 'referrer-policy', expected: 'same-origin', got: null })]));
  });

  test("a header feature the browser does not know: named as the header's own finding, not a console line; headers-understood fails", () => {
    const page = pageAt('bad-header', '/bad-header/');
    expect(page.headerProblems).toEqual([
      { header: 'Permissions-Policy', feature: 'no-such-feature-anywhere', message: "Unrecognized feature: 'no-such-feature-anywhere'." },
    ]);
    expect(page.console.filter((m) => /Permissions-Policy/.test(m.text))).toEqual([]);
    expect(failed('bad-header')).toEqual(['headers-understood']);
    const check = evidence['bad-header'].verdict!.checks.find((c) => c.id === 'headers-understood')!;
    expect(check.summary).toContain("Permissions-Policy 'no-such-feature-anywhere'");
  });

  test('redirects: followed on the site, recorded and not followed off it; the crawl stays on the host', () => {
    const byPath = Object.fromEntries(evidence.redirect.links.map((l) => [new URL(l.url).pathname, l.check]));
    expect(byPath['/redirect/here']).toMatchObject({ status: 200, redirects: 1, finalUrl: expect.stringMatching(/\/redirect\/target$/), kind: 'page', broken: false });
    expect(byPath['/redirect/away']).toMatchObject({ status: 302, redirects: 1, finalUrl: 'https://elsewhere.example/', broken: false });
    expect(evidence.redirect.pages.map((p) => new URL(p.url).host)).toEqual([new URL(site.url('redirect')).host, new URL(site.url('redirect')).host]);
    expect(evidence.redirect.hosts.map((h) => h.host)).toEqual(['site.estate.localhost']);
    expect(failed('redirect')).toEqual([]);
  });

  test('console errors and uncaught page errors are recorded', () => {
    const page = pageAt('script-error', '/script-error/');
    expect(page.console).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'error', text: 'boom', csp: false })]));
    expect(page.pageErrors).toEqual(['uncaught boom']);
  });

  test('a page that cannot be reached is recorded with its error and the crawl completes', async () => {
    const e = await collectEvidence('https://nowhere.estate.localhost:1/', { pages: 3, browser, ignoreHTTPSErrors: true, expect: EXPECTED });
    expect(e.pages).toEqual([expect.objectContaining({ status: null, navigationError: expect.stringMatching(/ERR_CONNECTION_REFUSED|ERR_ADDRESS_UNREACHABLE|ERR_UNSAFE_PORT/) })]);
    expect(e.verdict!.checks.find((c) => c.id === 'no-broken-links')!.passed).toBe(false);
    expect(e.legacyPurge.purged).toBe(false);
  });

  test('evidence.html shows a declared cookie in green, undeclared and too long-lived ones in red with the reason', () => {
    expect(renderEvidenceHtml(evidence.clean)).toContain('<tr class="ok"><td>pref</td><td>site.estate.localhost</td><td>declared</td>');
    const undeclared = renderEvidenceHtml(evidence.undeclared);
    expect(undeclared).toContain('<tr class="bad"><td>visitor_id</td><td>site.estate.localhost</td><td>undeclared</td>');
    expect(undeclared).toContain('not declared for this site');
    expect(renderEvidenceHtml(evidence['long-lived'])).toMatch(/<tr class="bad"><td>pref<\/td>.*lives (399\.9\d|400) days; declared at most 30/);
    expect(renderEvidenceHtml(evidence.inline)).toContain('<code>no-csp-violations</code> FAILED');
  });
});

describe('npm run evidence', () => {
  async function run(section: string): Promise<{ code: number; out: string; json: Evidence }> {
    const out: string[] = [];
    const dir = path.join(tmp, section);
    const code = await evidenceCommand([site.url(section), '--site', 'appman', '--ignore-https-errors', '--pages', '3', '--out', dir], {
      config: {} as never,
      out: (t) => out.push(t),
      err: (t) => out.push(t),
      expectations: () => EXPECTED,
    });
    return { code, out: out.join('\n'), json: JSON.parse(fs.readFileSync(path.join(dir, 'evidence.json'), 'utf8')) };
  }

  test('a failed check exits 1 and is named; evidence.json carries the schema version and each check', async () => {
    const r = await run('inline');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^ {2}FAIL no-csp-violations: /m);
    expect(r.out).toMatch(/^ {2}pass cookies-declared: /m);
    expect(r.json.schemaVersion).toBe(SCHEMA_VERSION);
    expect(r.json.verdict!.checks.map((c) => [c.id, c.passed])).toEqual([
      ['cookies-declared', true],
      ['no-third-party-requests', true],
      ['security-headers', true],
      ['headers-understood', true],
      ['no-csp-violations', false],
      ['no-broken-links', true],
      ['no-mixed-content', true],
      ['legacy-cookies-purged', true],
    ]);
  });

  test('every check passed exits 0', async () => {
    expect((await run('clean')).code).toBe(0);
  });

  test('a usage mistake exits 2 with the usage text', () => {
    const r = spawnSync(process.execPath, ['-r', 'ts-node/register', path.join(__dirname, '../../bin/evidence.ts'), 'https://example.org/', '--site', 'shop'], {
      encoding: 'utf8',
      env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--site shop: use one of main, appman, forum.');
    expect(r.stderr).toContain('Usage: npm run evidence');
  });
});
