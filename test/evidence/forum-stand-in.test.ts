import * as http from 'http';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { estateConfig } from '../../estate.config';
import { launchChromium } from '../../lib/evidence';
import { FORUM_SCRIPT_COOKIE_DAYS, FORUM_STAND_IN_PATHS, Preview, startPreview } from '../../lib/preview';
import { listen, portOf } from '../../lib/preview/edge-server';
import { forumStandIn } from '../../lib/preview/forum-stand-in';

/**
 * The forum through its shipped edge (functions and policies read from the
 * synthesized template) in front of the Discourse-like stand-in, in Chromium.
 */
let browser: Browser;
let preview: Preview;
const DAY = 86400;
const declared = estateConfig.sites.forum!.cookies;

beforeAll(async () => {
  browser = await launchChromium();
  preview = await startPreview({ site: 'forum' });
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
});

/** A fresh visitor with a recorder for CSP violations, on a page of the forum. */
async function visit(base: string, path = '/'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    (window as any).__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as any).__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const page = await context.newPage();
  const response = await page.goto(new URL(path, base).toString());
  expect(response!.status()).toBe(200);
  await page.waitForSelector('html[data-app="ready"]');
  return { context, page };
}

async function click(page: Page, id: string): Promise<any> {
  await page.evaluate(() => (document.getElementById('result')!.textContent = ''));
  await page.click(`#${id}`);
  await page.waitForFunction(() => document.getElementById('result')!.textContent !== '');
  return JSON.parse((await page.textContent('#result'))!);
}

describe('forum through the edge, in front of a stand-in as strict as Discourse', () => {
  test('anonymous reading sets zero cookies', async () => {
    const { context, page } = await visit(preview.url);
    for (const path of FORUM_STAND_IN_PATHS) {
      await page.goto(new URL(path, preview.url).toString());
      await page.waitForSelector('html[data-app="ready"]');
    }
    expect(await context.cookies()).toEqual([]);
    await context.close();
  });

  test("a page load logs zero CSP violations: Discourse's nonce CSP reaches the browser, not the edge's", async () => {
    const { context, page } = await visit(preview.url);
    const response = await page.goto(preview.url);
    const csp = response!.headers()['content-security-policy'];
    expect(csp).toMatch(/script-src 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    await page.waitForSelector('html[data-app="ready"]');
    // The inline splash script ran (nonce) and the app it loaded ran ('strict-dynamic').
    expect(await page.getAttribute('html', 'data-splash')).toBe('shown');
    expect(await page.evaluate(() => (window as any).__cspViolations)).toEqual([]);
    // A fresh nonce on every response, as Discourse sends.
    const again = (await page.goto(preview.url))!.headers()['content-security-policy'];
    expect(again).not.toBe(csp);
    await context.close();
  });

  test('login POST succeeds: Secure, HttpOnly _t and _forum_session are set', async () => {
    const { context, page } = await visit(preview.url);
    expect(await click(page, 'login')).toEqual({ status: 200, body: { user: { username: 'member' } } });
    const cookies = Object.fromEntries((await context.cookies()).map((c) => [c.name, c]));
    for (const name of ['_t', '_forum_session']) {
      expect({ name, secure: cookies[name]?.secure, httpOnly: cookies[name]?.httpOnly, sameSite: cookies[name]?.sameSite }).toEqual({
        name,
        secure: true,
        httpOnly: true,
        sameSite: 'Lax',
      });
    }
    expect(cookies._forum_session.expires).toBe(-1);
    expect(cookies._t.expires - Date.now() / 1000).toBeGreaterThan(59 * DAY);
    await context.close();
  });

  test('uploads lookup POST succeeds for a logged-in member', async () => {
    const { context, page } = await visit(preview.url, '/t/welcome/1');
    expect((await click(page, 'login')).status).toBe(200);
    expect(await click(page, 'lookup')).toMatchObject({ status: 200, body: [{ short_url: 'upload://a.png' }] });
    await context.close();
  });

  test('script cookies: each is declared as set by the script, with a lifetime no shorter than the browser keeps', async () => {
    const { context, page } = await visit(preview.url);
    await click(page, 'preferences');
    await click(page, 'dark');
    const now = Date.now() / 1000;
    const set = await context.cookies();
    expect(set.map((c) => c.name).sort()).toEqual(Object.keys(FORUM_SCRIPT_COOKIE_DAYS).sort());
    for (const c of set) {
      const d = declared.find((x) => x.name === c.name);
      expect({ name: c.name, declared: !!d, httpOnly: c.httpOnly }).toEqual({ name: c.name, declared: true, httpOnly: false });
      expect(d!.when).toMatch(/script/);
      const keptDays = (c.expires - now) / DAY;
      // Chromium keeps at most 400 days (RFC 6265bis) of the 9999 Discourse asks for.
      expect(keptDays).toBeGreaterThan(Math.min(FORUM_SCRIPT_COOKIE_DAYS[c.name], 400) - 1);
      const declaredDays = d!.lifetime === 'session' ? 0 : d!.lifetime.maxDays;
      expect({ name: c.name, declaredAtLeastKept: declaredDays >= Math.floor(keptDays) }).toEqual({ name: c.name, declaredAtLeastKept: true });
    }
    await context.close();
  });
});

describe('without CloudFront-Forwarded-Proto, login fails as it does on real Discourse', () => {
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    const edge = { ...preview.edge, originHeaders: (preview.edge.originHeaders as string[]).filter((h) => h !== 'cloudfront-forwarded-proto') };
    expect(edge.originHeaders).not.toContain('cloudfront-forwarded-proto');
    const origin = forumStandIn();
    server = await listen(() => ({ edge, origin }));
    base = `http://${preview.host}:${portOf(server)}/`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('no Secure cookie is written, so the CSRF token is lost and the POST is refused', async () => {
    const { context, page } = await visit(base);
    expect(await click(page, 'login')).toEqual({ status: 403, body: ['BAD CSRF'] });
    expect(await context.cookies()).toEqual([]);
    await context.close();
  });
});
