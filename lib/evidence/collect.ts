import * as fs from 'fs';
import * as path from 'path';
import { Browser } from 'playwright-core';
import { launchChromium } from './browser';
import { cookieEvidence, crawl } from './crawl';
import { registrableDomain } from './party';
import { renderEvidenceHtml } from './report-html';
import { SiteExpectations } from './expectations';
import { judgeEvidence } from './verdict';
import { Evidence, HostEvidence, LegacyPurgeEvidence, PageEvidence, SCHEMA_VERSION } from './types';

export { RECORDED_HEADERS } from './crawl';

/** The legacy analytics cookies the estate's old Google Analytics left in visitors' browsers. */
export const LEGACY_SEED = ['_ga', '_gid'];

export interface CollectOptions {
  /** Most pages to visit. @default 10 */
  readonly pages?: number;
  /** Folder for evidence.json, evidence.html and screenshots; none written when undefined. */
  readonly outDir?: string;
  /** A running browser to reuse (tests share one per file); else one is launched and closed. */
  readonly browser?: Browser;
  /**
   * Accept any TLS certificate, in the browser and in link checks. Only for a
   * local preview serving a self-signed certificate: against a live site a
   * certificate error is a finding, never something to skip.
   * @default false
   */
  readonly ignoreHTTPSErrors?: boolean;
  /**
   * `baseline` skips what breaks (CSP violations, console, page errors, request
   * outcomes, frames, mixed content) and the link checks: the collector as it was
   * before, kept so the benchmark can compare the two in one run.
   * @default 'full'
   */
  readonly mode?: 'full' | 'baseline';
  /** Response headers to record besides the security and privacy ones (lowercase names). */
  readonly extraHeaders?: readonly string[];
  /** @default 30000 */
  readonly navigationTimeoutMs?: number;
  /** What the estate declares for the site: the evidence then carries the verdict against it. */
  readonly expect?: SiteExpectations;
}

/**
 * Visits a site as a first-time visitor would and records what the browser
 * received: cookies, storage, every request and its outcome, the security and
 * privacy headers, what broke (CSP violations, console errors, page errors,
 * blocked frames, mixed content), every link and its status, screenshots. Then,
 * in a fresh profile holding the old analytics cookies, one visit shows whether
 * the edge expires them.
 */
export async function collectEvidence(url: string, o: CollectOptions = {}): Promise<Evidence> {
  const start = new URL(url);
  const ignoreHTTPSErrors = o.ignoreHTTPSErrors ?? false;
  const mode = o.mode ?? 'full';
  const browser = o.browser ?? (await launchChromium());
  try {
    if (o.outDir) fs.mkdirSync(o.outDir, { recursive: true });
    const context = await browser.newContext({ ignoreHTTPSErrors });
    const result = await crawl(context, start, {
      maxPages: o.pages ?? 10,
      outDir: o.outDir,
      full: mode === 'full',
      linkCheck: { ignoreHTTPSErrors },
      extraHeaders: [...(o.extraHeaders ?? []), ...(o.expect?.headers.map((h) => h.name) ?? [])],
      navigationTimeoutMs: o.navigationTimeoutMs ?? 30000,
    });
    const cookies = (await context.cookies()).map((c) => cookieEvidence(c, start.hostname));
    await context.close();
    const collected: Evidence = {
      schemaVersion: SCHEMA_VERSION,
      url: start.href,
      collectedAt: new Date().toISOString(),
      browser: `Chromium ${browser.version()}`,
      ignoreHTTPSErrors,
      mode,
      pages: result.pages,
      links: result.links,
      downloads: result.downloads,
      cookies,
      hosts: hostsOf(result.pages),
      legacyPurge: await legacyPurge(browser, start, ignoreHTTPSErrors),
    };
    const evidence: Evidence = o.expect ? { ...collected, verdict: judgeEvidence(collected, o.expect) } : collected;
    if (o.outDir) writeEvidence(evidence, o.outDir);
    return evidence;
  } finally {
    if (!o.browser) await browser.close();
  }
}

/** evidence.json and evidence.html in `outDir`. */
export function writeEvidence(evidence: Evidence, outDir: string): void {
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'evidence.json'), JSON.stringify(evidence, null, 2) + '\n');
  fs.writeFileSync(path.join(outDir, 'evidence.html'), renderEvidenceHtml(evidence));
}

async function legacyPurge(browser: Browser, start: URL, ignoreHTTPSErrors: boolean): Promise<LegacyPurgeEvidence> {
  const domain = registrableDomain(start.hostname);
  const context = await browser.newContext({ ignoreHTTPSErrors });
  try {
    const expires = Math.floor(Date.now() / 1000) + 365 * 86400;
    await context.addCookies(LEGACY_SEED.map((name) => ({ name, value: 'GA1.2.1234567890.1600000000', domain: `.${domain}`, path: '/', expires })));
    const page = await context.newPage();
    try {
      await page.goto(start.href, { waitUntil: 'load' });
    } catch (e) {
      // No visit, no proof: the seeded cookies count as remaining.
      return { domain, seeded: LEGACY_SEED, remaining: LEGACY_SEED, purged: false, error: (e as Error).message.split('\n')[0] };
    }
    const remaining = [...new Set((await context.cookies()).map((c) => c.name).filter((n) => LEGACY_SEED.includes(n)))];
    return { domain, seeded: LEGACY_SEED, remaining, purged: remaining.length === 0 };
  } finally {
    await context.close();
  }
}

function hostsOf(pages: readonly PageEvidence[]): HostEvidence[] {
  const byHost = new Map<string, HostEvidence>();
  for (const r of pages.flatMap((p) => p.requests)) {
    const h = byHost.get(r.host);
    const sent = r.outcome === 'blocked' ? 0 : 1;
    byHost.set(r.host, { host: r.host, party: r.party, requests: (h?.requests ?? 0) + 1, sent: (h?.sent ?? 0) + sent });
  }
  return [...byHost.values()].sort((a, b) => a.host.localeCompare(b.host));
}
