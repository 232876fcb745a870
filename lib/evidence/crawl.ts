import * as path from 'path';
import { BrowserContext, Cookie, Page, Response } from 'playwright-core';
import { checkLink, LinkCheckOptions } from './link-check';
import { PageRecorder, recordCspViolations } from './page-recorder';
import { partyOf } from './party';
import { CookieEvidence, DownloadEvidence, LinkCheck, LinkEvidence, PageEvidence } from './types';

/** The response headers the evidence records: security, and what a page tells the browser about privacy. */
export const RECORDED_HEADERS = [
  'strict-transport-security',
  'content-security-policy',
  'content-security-policy-report-only',
  'x-content-type-options',
  'x-frame-options',
  'x-xss-protection',
  'referrer-policy',
  'permissions-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'cross-origin-embedder-policy',
  'set-cookie',
];

export interface CrawlOptions {
  readonly maxPages: number;
  readonly outDir?: string;
  /** false: the collector as it was before breakage and link checks were recorded (benchmark baseline). */
  readonly full: boolean;
  readonly linkCheck: LinkCheckOptions;
  /** Header names to record besides RECORDED_HEADERS (lowercase). */
  readonly extraHeaders: readonly string[];
  /** Navigation timeout per page. */
  readonly navigationTimeoutMs: number;
}

export interface CrawlResult {
  readonly pages: PageEvidence[];
  readonly links: LinkEvidence[];
  readonly downloads: DownloadEvidence[];
}

/** Checks at once per page: enough to hide latency, few enough not to load a live site. */
const LINK_CHECK_CONCURRENCY = 4;

/**
 * Breadth-first over links on the start URL's host, fragments ignored. In full
 * mode every same-host link is checked first (HEAD, else GET) and only HTML
 * pages are opened; files and downloads are recorded and skipped. A page that
 * fails to load is recorded with its error and the crawl goes on.
 */
export async function crawl(context: BrowserContext, start: URL, o: CrawlOptions): Promise<CrawlResult> {
  const recorders = new Map<Page, PageRecorder>();
  if (o.full) await recordCspViolations(context, recorders);
  const queue = [normalize(start)];
  const queued = new Set(queue);
  const pages: PageEvidence[] = [];
  const links = new Map<string, { url: string; sameHost: boolean; foundOn: string[]; check?: LinkCheck }>();
  const downloads = new Map<string, { url: string; foundOn: string[]; reason: string; suggestedFilename?: string }>();
  const headerNames = [...new Set([...RECORDED_HEADERS, ...o.extraHeaders.map((h) => h.toLowerCase())])];

  while (queue.length > 0 && pages.length < o.maxPages) {
    const url = queue.shift()!;
    const visit = await visitPage(context, url, start.hostname, recorders, o, headerNames, pages.length + 1);
    if (visit.download !== undefined) {
      const d = downloads.get(url);
      downloads.set(url, { url, foundOn: d?.foundOn ?? [], reason: 'navigation started a download', suggestedFilename: visit.download });
      continue;
    }
    const page = visit.page!;
    pages.push(page);

    const fresh: string[] = [];
    for (const link of page.links) {
      const sameHost = new URL(link).host === start.host;
      const entry = links.get(link);
      if (entry) {
        if (!entry.foundOn.includes(url)) entry.foundOn.push(url);
        downloads.get(link)?.foundOn.push(url);
        continue;
      }
      links.set(link, { url: link, sameHost, foundOn: [url] });
      if (sameHost) fresh.push(link);
    }
    if (o.full) await eachLimited(fresh, LINK_CHECK_CONCURRENCY, async (link) => (links.get(link)!.check = await checkLink(link, o.linkCheck)));
    for (const link of fresh) {
      const check = links.get(link)!.check;
      if (check && (check.kind === 'file' || check.kind === 'download')) {
        const reason = check.kind === 'download' ? 'Content-Disposition: attachment' : `Content-Type: ${check.contentType}`;
        downloads.set(link, { url: link, foundOn: [url], reason });
        continue;
      }
      // A redirect off the host is recorded, not followed: the crawl stays on the site.
      const open = !check || check.kind === 'page' || check.broken;
      if (open && !queued.has(link)) {
        queued.add(link);
        queue.push(link);
      }
    }
  }
  return { pages, links: [...links.values()], downloads: [...downloads.values()] };
}

async function visitPage(
  context: BrowserContext,
  url: string,
  siteHost: string,
  recorders: Map<Page, PageRecorder>,
  o: CrawlOptions,
  headerNames: readonly string[],
  index: number,
): Promise<{ page: PageEvidence; download?: undefined } | { download: string; page?: undefined }> {
  const page = await context.newPage();
  const recorder = new PageRecorder(page, siteHost, o.full);
  recorders.set(page, recorder);
  let download: string | undefined;
  const downloadStarted = new Promise<void>((resolve) =>
    page.on('download', (d) => {
      download = d.suggestedFilename();
      void d.cancel().catch(() => undefined);
      resolve();
    }),
  );
  try {
    let response: Response | null = null;
    let navigationError: string | undefined;
    try {
      response = await page.goto(url, { waitUntil: 'load', timeout: o.navigationTimeoutMs });
      // Let late scripts (a tracker often loads after `load`) show their requests and cookies.
      await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => undefined);
    } catch (e) {
      const message = (e as Error).message.split('\n')[0];
      if (/Download is starting/.test(message) || download !== undefined) {
        // goto fails as the download starts; its event (with the file name the server gave) can come a moment later.
        await Promise.race([downloadStarted, new Promise((r) => setTimeout(r, 2000))]);
        return { download: download ?? path.basename(new URL(url).pathname) };
      }
      navigationError = message;
    }
    const loadedAt = new Date().toISOString();
    const all = response ? await response.allHeaders() : {};
    const headers: Record<string, string> = {};
    for (const name of headerNames) if (all[name] !== undefined) headers[name] = all[name];
    const storage = await page
      .evaluate(() => ({ local: Object.keys(localStorage), session: Object.keys(sessionStorage) }))
      .catch(() => ({ local: [] as string[], session: [] as string[] }));
    const screenshot = o.outDir && !navigationError ? `page-${index}.png` : '';
    if (o.outDir && screenshot) await page.screenshot({ path: path.join(o.outDir, screenshot), fullPage: true });
    const hrefs: string[] = navigationError ? [] : await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    return {
      page: {
        url,
        status: response?.status() ?? null,
        ...(navigationError ? { navigationError } : {}),
        loadedAt,
        title: await page.title().catch(() => ''),
        screenshot,
        headers,
        cookies: (await context.cookies()).map((c) => cookieEvidence(c, siteHost)),
        localStorage: storage.local,
        sessionStorage: storage.session,
        requests: recorder.requestEvidence(),
        cspViolations: [...recorder.cspViolations],
        console: [...recorder.console],
        headerProblems: [...recorder.headerProblems],
        pageErrors: [...recorder.pageErrors],
        frames: o.full ? await recorder.frames() : [],
        mixedContent: o.full ? recorder.mixedContent(url) : [],
        links: uniqueHttpLinks(hrefs),
      },
    };
  } finally {
    recorders.delete(page);
    await page.close();
  }
}

export function cookieEvidence(c: Cookie, siteHost: string): CookieEvidence {
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

function uniqueHttpLinks(hrefs: readonly string[]): string[] {
  const out = new Set<string>();
  for (const href of hrefs) {
    let u: URL;
    try {
      u = new URL(href);
    } catch {
      continue;
    }
    if (/^https?:$/.test(u.protocol)) out.add(normalize(u));
  }
  return [...out];
}

function normalize(u: URL): string {
  const copy = new URL(u.href);
  copy.hash = '';
  return copy.href;
}

async function eachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
