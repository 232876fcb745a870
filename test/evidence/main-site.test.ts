import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Browser } from 'playwright-core';
import { collectEvidence, Evidence, launchChromium, requireChromium } from '../../lib/evidence';
import { Preview, startPreview } from '../../lib/preview';

// One browser and one crawl for the whole file; every test reads the same evidence.
let browser: Browser;
let preview: Preview;
let evidence: Evidence;
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'evidence-main-'));

beforeAll(async () => {
  browser = await launchChromium();
  preview = await startPreview({ site: 'main' });
  evidence = await collectEvidence(preview.url, { pages: 6, outDir, browser });
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
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
    expect(html).toContain('0 cookie(s) after the crawl');
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
