import { Browser } from 'playwright-core';
import { estateConfig } from '../../estate.config';
import { CookieDeclaration } from '../../lib/config';
import { collectEvidence, Evidence, launchChromium, siteExpectations } from '../../lib/evidence';
import { Preview, STAND_IN_PAGES, startPreview } from '../../lib/preview';

// One browser for the file; both sites come from one synth of the estate.
let browser: Browser;
const previews: Record<string, Preview> = {};
const evidence: Record<string, Evidence> = {};
const SITES = ['appman', 'forum'] as const;
const DAY = 86400;

beforeAll(async () => {
  browser = await launchChromium();
  for (const site of SITES) {
    previews[site] = await startPreview({ site, rogueStandIn: true });
    evidence[site] = await collectEvidence(previews[site].url, {
      pages: STAND_IN_PAGES.length,
      browser,
      // The preview may serve a self-signed certificate; a live site is never collected this way.
      ignoreHTTPSErrors: true,
      expect: siteExpectations(estateConfig, site, previews[site].edge),
    });
  }
});

afterAll(async () => {
  await browser?.close();
  for (const p of Object.values(previews)) await p.close();
});

describe.each(SITES)('%s: a stand-in origin that sets allowlisted and rogue cookies, behind the edge', (site) => {
  const declared: readonly CookieDeclaration[] = estateConfig.sites[site]!.cookies;

  test('the crawl visits every stand-in page', () => {
    expect(evidence[site].pages.map((p) => new URL(p.url).pathname).sort()).toEqual([...STAND_IN_PAGES].sort());
    for (const page of evidence[site].pages) expect(page.status).toBe(200);
  });

  test('the browser holds exactly the allowlisted cookies: no _ga, _fbp, undeclared id or other-domain cookie', () => {
    expect(evidence[site].cookies.map((c) => c.name).sort()).toEqual(declared.map((c) => c.name).sort());
  });

  test('each allowlisted cookie has the enforced attributes: host-only, Secure, SameSite=Lax, HttpOnly as declared, lifetime capped', () => {
    const collectedAt = Date.parse(evidence[site].collectedAt) / 1000;
    for (const c of declared) {
      const got = evidence[site].cookies.find((x) => x.name === c.name)!;
      expect({ name: got.name, domain: got.domain, path: got.path, secure: got.secure, sameSite: got.sameSite, httpOnly: got.httpOnly, party: got.party }).toEqual({
        name: c.name,
        domain: previews[site].host,
        path: '/',
        secure: true,
        sameSite: 'Lax',
        httpOnly: c.httpOnly,
        party: 'first',
      });
      if (c.lifetime === 'session') expect({ name: c.name, expires: got.expires }).toEqual({ name: c.name, expires: null });
      else {
        // The stand-in asks for ten years; the edge caps it at the declared maximum.
        expect(got.expires).not.toBeNull();
        expect(got.expires!).toBeLessThanOrEqual(collectedAt + c.lifetime.maxDays * DAY + 60);
        expect(got.expires!).toBeGreaterThan(collectedAt + (c.lifetime.maxDays - 1) * DAY);
      }
    }
  });

  test('no storage and no third-party requests', () => {
    for (const page of evidence[site].pages) {
      expect([...page.localStorage, ...page.sessionStorage]).toEqual([]);
      expect(page.requests.filter((r) => r.party === 'third')).toEqual([]);
    }
  });

  test('the verdict against the site disclosure passes every check; each cookie judged declared and as declared', () => {
    const v = evidence[site].verdict!;
    expect(v.checks.filter((c) => !c.passed)).toEqual([]);
    expect(v.checks.map((c) => c.id)).toEqual(['cookies-declared', 'no-third-party-requests', 'security-headers', 'headers-understood', 'no-csp-violations', 'no-broken-links', 'no-mixed-content', 'legacy-cookies-purged']);
    // The edge's own headers log nothing in the browser (an unrecognized Permissions-Policy feature would, on every page).
    for (const page of evidence[site].pages) expect({ url: page.url, headerProblems: page.headerProblems }).toEqual({ url: page.url, headerProblems: [] });
    expect(v.cookies.map((c) => [c.name, c.declared, c.ok]).sort()).toEqual(declared.map((c) => [c.name, true, true]).sort());
    expect(v.passed).toBe(true);
  });

  test('pre-seeded _ga and _gid are expired after one visit', () => {
    expect(evidence[site].legacyPurge).toMatchObject({ remaining: [], purged: true });
  });

  test('the origin receives only allowlisted cookies, whatever the browser sends', async () => {
    const context = await browser.newContext();
    const url = previews[site].url;
    await context.addCookies([
      { name: '_ga', value: 'GA1.2.1', url },
      { name: 'visitor_id', value: 'rogue', url },
      { name: declared[0].name, value: 'kept', url },
    ]);
    const page = await context.newPage();
    await page.goto(url);
    expect(await page.textContent('#origin-cookie')).toBe(`${declared[0].name}=kept`);
    await context.close();
  });
});
