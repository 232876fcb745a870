import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Browser } from 'playwright-core';
import { estateConfig } from '../../estate.config';
import { collectEvidence, Evidence, launchChromium, requireChromium, siteExpectations } from '../../lib/evidence';
import { Preview, startPreview } from '../../lib/preview';

// One browser and one crawl for the whole file; every test reads the same evidence.
let browser: Browser;
let preview: Preview;
let evidence: Evidence;
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'evidence-main-'));

beforeAll(async () => {
  browser = await launchChromium();
  preview = await startPreview({ site: 'main' });
  // The preview may serve a self-signed certificate; a live site is never collected this way.
  evidence = await collectEvidence(preview.url, { pages: 6, outDir, browser, ignoreHTTPSErrors: true, expect: siteExpectations(estateConfig, 'main', preview.edge) });
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  fs.rmSync(outDir, { recursive: true, force: true });
});

describe('main site in Chromium through the local edge', () => {
  test('the crawl follows the site links, through the functions the template ships', () => {
    expect(preview.standIn).toBe(false);
    expect(preview.edge.stackName).toMatch(/-MainSite$/);
    const paths = evidence.pages.map((p) => new URL(p.url).pathname);
    expect(paths).toEqual(expect.arrayContaining(['/', '/docs/index.html', '/rock-ons.html', '/privacy.html']));
    expect(evidence.pages.length).toBeGreaterThanOrEqual(4);
  });

  test('no site link is broken (CloudFront serves index.html only at the root)', () => {
    expect(evidence.pages.map((p) => [new URL(p.url).pathname, p.status]).filter(([, s]) => s !== 200)).toEqual([]);
  });

  test('every page: zero cookies, zero storage, zero third-party requests', () => {
    for (const page of evidence.pages) {
      expect({ url: page.url, cookies: page.cookies }).toEqual({ url: page.url, cookies: [] });
      expect({ url: page.url, local: page.localStorage, session: page.sessionStorage }).toEqual({ url: page.url, local: [], session: [] });
      expect({ url: page.url, third: page.requests.filter((r) => r.party === 'third') }).toEqual({ url: page.url, third: [] });
      expect(page.requests.length).toBeGreaterThan(0);
    }
    expect(evidence.cookies).toEqual([]);
    expect(evidence.hosts.map((h) => h.host)).toEqual([preview.host]);
  });

  test('every page carries the security and privacy headers and no Set-Cookie', () => {
    for (const page of evidence.pages) {
      const h = page.headers;
      expect(h['strict-transport-security']).toMatch(/^max-age=\d+; includeSubDomains/);
      expect(h['content-security-policy']).toContain("default-src 'self'");
      expect(h['x-content-type-options']).toBe('nosniff');
      expect(h['x-frame-options']).toBe('DENY');
      expect(h['referrer-policy']).toBe('same-origin');
      expect(h['permissions-policy']).toContain('browsing-topics=()');
      expect(h['set-cookie']).toBeUndefined();
    }
  });

  test('the verdict against the main site disclosure passes every check', () => {
    expect(evidence.verdict!.checks.map((c) => [c.id, c.passed, c.summary])).toEqual([
      ['cookies-declared', true, '0 cookie(s) seen, each declared for main (0 declared)'],
      ['no-third-party-requests', true, 'no third-party request left the browser'],
      ['security-headers', true, expect.stringMatching(/^7 configured header\(s\) as configured on \d+ page\(s\)$/)],
      ['headers-understood', true, expect.stringMatching(/^the browser applied every response header in full on \d+ page\(s\)$/)],
      ['no-csp-violations', true, expect.stringMatching(/^no Content Security Policy violation/)],
      ['no-broken-links', true, expect.stringMatching(/^\d+ same-host link\(s\) checked and \d+ page\(s\) loaded, none broken$/)],
      ['no-mixed-content', true, 'no insecure subresource'],
      ['legacy-cookies-purged', true, expect.any(String)],
    ]);
    expect(evidence.verdict!.passed).toBe(true);
    // Set-Cookie is removed by the main site's policy; the check expects it absent, read from the template.
    expect(evidence.verdict!.checks.find((c) => c.id === 'security-headers')!.evidence).toEqual(
      expect.arrayContaining([{ name: 'set-cookie', rule: 'absent' }, expect.objectContaining({ name: 'content-security-policy', rule: 'exact' })]),
    );
    // site/ has no favicon.ico: the browser's own request for it answers 404 and Chromium logs that; nothing else may be logged.
    for (const page of evidence.pages) {
      expect({ url: page.url, headerProblems: page.headerProblems }).toEqual({ url: page.url, headerProblems: [] });
      const console = page.console.filter((m) => !m.url.endsWith('/favicon.ico'));
      expect({ url: page.url, errors: page.pageErrors, console }).toEqual({ url: page.url, errors: [], console: [] });
    }
  });

  test('pre-seeded _ga and _gid on the parent domain are expired after one visit', () => {
    expect(evidence.legacyPurge).toEqual({ domain: preview.domain, seeded: ['_ga', '_gid'], remaining: [], purged: true });
  });

  test('the privacy page is the disclosure generated at synth', () => {
    const privacy = evidence.pages.find((p) => p.url.endsWith('/privacy.html'))!;
    expect(privacy.status).toBe(200);
    expect(privacy.title).toBe('Privacy');
  });

  test('writes evidence.json, evidence.html and one screenshot per page', () => {
    const json = JSON.parse(fs.readFileSync(path.join(outDir, 'evidence.json'), 'utf8'));
    expect(json.pages).toHaveLength(evidence.pages.length);
    const html = fs.readFileSync(path.join(outDir, 'evidence.html'), 'utf8');
    expect(json.schemaVersion).toBe(1);
    expect(html).toContain('Verdict against the main disclosure: passed');
    expect(html).toContain('gone after one visit');
    for (const page of evidence.pages) {
      expect(fs.statSync(path.join(outDir, page.screenshot)).size).toBeGreaterThan(1000);
      expect(html).toContain(`src="${page.screenshot}"`);
    }
  });

  test('without a browser the evidence fails and says how to install one', () => {
    expect(() => requireChromium('/nonexistent/chromium')).toThrow(/No Chromium at \/nonexistent\/chromium\. Install Debian's package: "sudo apt-get update && sudo apt-get install -y chromium"/);
  });
});
