import * as fs from 'fs';
import * as path from 'path';
import { Browser, BrowserContext, Cookie } from 'playwright-core';
import { launchChromium } from './browser';
import { partyOf, registrableDomain } from './party';
import { renderEvidenceHtml } from './report-html';
import { CookieEvidence, Evidence, HostEvidence, LegacyPurgeEvidence, PageEvidence, RequestEvidence } from './types';

/** The response headers the evidence records: security, and what a page tells the browser about privacy. */
export const RECORDED_HEADERS = [
  'strict-transport-security',
  'content-security-policy',
  'x-content-type-options',
  'x-frame-options',
  'referrer-policy',
  'permissions-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'cross-origin-embedder-policy',
  'set-cookie',
];

/** The legacy analytics cookies the estate's old Google Analytics left in visitors' browsers. */
export const LEGACY_SEED = ['_ga', '_gid'];

export interface CollectOptions {
  /** Most pages to visit. @default 10 */
  readonly pages?: number;
  /** Folder for evidence.json, evidence.html and screenshots; none written when undefined. */
  readonly outDir?: string;
  /** A running browser to reuse (tests share one per file); else one is launched and closed. */
  readonly browser?: Browser;
}

/**
 * Visits a site as a first-time visitor would and records what the browser
 * received: cookies, storage, every requested host, the security and privacy
 * headers, screenshots. Then, in a fresh profile holding the old analytics
 * cookies, one visit shows whether the edge expires them.
 */
export async function collectEvidence(url: string, o: CollectOptions = {}): Promise<Evidence> {
  const start = new URL(url);
  const browser = o.browser ?? (await launchChromium());
  try {
    if (o.outDir) fs.mkdirSync(o.outDir, { recursive: true });
    const context = await browser.newContext();
    const pages = await crawl(context, start, o.pages ?? 10, o.outDir);
    const cookies = (await context.cookies()).map((c) => cookieEvidence(c, start.hostname));
    await context.close();
    const evidence: Evidence = {
      url: start.href,
      collectedAt: new Date().toISOString(),
      browser: `Chromium ${browser.version()}`,
      pages,
      cookies,
      hosts: hostsOf(pages),
      legacyPurge: await legacyPurge(browser, start),
    };
    if (o.outDir) {
      fs.writeFileSync(path.join(o.outDir, 'evidence.json'), JSON.stringify(evidence, null, 2) + '\n');
      fs.writeFileSync(path.join(o.outDir, 'evidence.html'), renderEvidenceHtml(evidence));
    }
    return evidence;
  } finally {
    if (!o.browser) await browser.close();
  }
}

/** Breadth-first over links on the start URL's host, fragments ignored. */
async function crawl(context: BrowserContext, start: URL, max: number, outDir?: string): Promise<PageEvidence[]> {
  const queue = [normalize(start)];
  const seen = new Set(queue);
  const out: PageEvidence[] = [];
  while (queue.length > 0 && out.length < max) {
    const url = queue.shift()!;
    const page = await context.newPage();
    const requests: RequestEvidence[] = [];
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.protocol === 'data:' || u.protocol === 'blob:') return;
      requests.push({ url: r.url(), host: u.hostname, party: partyOf(u.hostname, start.hostname), resourceType: r.resourceType() });
    });
    const response = await page.goto(url, { waitUntil: 'load' });
    // Let late scripts (a tracker often loads after `load`) show their requests and cookies.
    await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => undefined);
    const headers: Record<string, string> = {};
    const all = response ? await response.allHeaders() : {};
    for (const name of RECORDED_HEADERS) if (all[name] !== undefined) headers[name] = all[name];
    const storage = await page.evaluate(() => ({ local: Object.keys(localStorage), session: Object.keys(sessionStorage) }));
    const screenshot = `page-${out.length + 1}.png`;
    if (outDir) await page.screenshot({ path: path.join(outDir, screenshot), fullPage: true });
    const links: string[] = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    out.push({
      url,
      status: response?.status() ?? null,
      title: await page.title(),
      screenshot,
      headers,
      cookies: (await context.cookies()).map((c) => cookieEvidence(c, start.hostname)),
      localStorage: storage.local,
      sessionStorage: storage.session,
      requests,
    });
    await page.close();
    for (const link of links) {
      let u: URL;
      try {
        u = new URL(link);
      } catch {
        continue;
      }
      if (!/^https?:$/.test(u.protocol) || u.host !== start.host) continue;
      const n = normalize(u);
      if (!seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
    }
  }
  return out;
}

async function legacyPurge(browser: Browser, start: URL): Promise<LegacyPurgeEvidence> {
  const domain = registrableDomain(start.hostname);
  const context = await browser.newContext();
  try {
    const expires = Math.floor(Date.now() / 1000) + 365 * 86400;
    await context.addCookies(LEGACY_SEED.map((name) => ({ name, value: 'GA1.2.1234567890.1600000000', domain: `.${domain}`, path: '/', expires })));
    const page = await context.newPage();
    await page.goto(start.href, { waitUntil: 'load' });
    const remaining = [...new Set((await context.cookies()).map((c) => c.name).filter((n) => LEGACY_SEED.includes(n)))];
    return { domain, seeded: LEGACY_SEED, remaining, purged: remaining.length === 0 };
  } finally {
    await context.close();
  }
}

function cookieEvidence(c: Cookie, siteHost: string): CookieEvidence {
  return {
    name: c.name,
    domain: c.domain,
    path: c.path,
    expires: c.expires < 0 ? null : c.expires,
    secure: c.secure,
    httpOnly: c.httpOnly,
    sameSite: c.sameSite,
    party: partyOf(c.domain, siteHost),
  };
}

function hostsOf(pages: readonly PageEvidence[]): HostEvidence[] {
  const byHost = new Map<string, HostEvidence>();
  for (const r of pages.flatMap((p) => p.requests)) {
    const h = byHost.get(r.host);
    byHost.set(r.host, { host: r.host, party: r.party, requests: (h?.requests ?? 0) + 1 });
  }
  return [...byHost.values()].sort((a, b) => a.host.localeCompare(b.host));
}

function normalize(u: URL): string {
  const copy = new URL(u.href);
  copy.hash = '';
  return copy.href;
}
