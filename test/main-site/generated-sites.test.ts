import * as http from 'http';
import { Browser, BrowserContext } from 'playwright-core';
import { estateConfig } from '../../estate.config';
import { launchChromium } from '../../lib/evidence';
import { Preview, startPreview } from '../../lib/preview';
import { buildGeneratedSites, GeneratedSites } from './generated-sites';

/**
 * Real generated sites through the local edge in Chromium: Debian's Sphinx and
 * Hugo output, published unchanged, served by the functions and headers policy
 * the synthesized main-site template ships.
 */

interface Visit {
  readonly path: string;
  readonly status: number;
  readonly violations: string[];
  readonly links: string[];
}

interface Crawl {
  readonly visits: Visit[];
  readonly thirdParty: string[];
  readonly cookies: unknown[];
}

/** Follows every same-origin link from `/` (and the extra start pages), recording CSP violations and requests. */
async function crawl(context: BrowserContext, preview: Preview, extra: string[] = []): Promise<Crawl> {
  const origin = new URL(preview.url).origin;
  const thirdParty: string[] = [];
  context.on('request', (r) => {
    if (new URL(r.url()).origin !== origin && !r.url().startsWith('data:')) thirdParty.push(r.url());
  });
  // Injected by the browser before any page script; a CSP does not apply to it.
  await context.addInitScript(() => {
    (window as any).__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as any).__violations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  const queue = ['/', ...extra];
  const seen = new Set(queue);
  const visits: Visit[] = [];
  while (queue.length > 0) {
    const target = queue.shift()!;
    const page = await context.newPage();
    const response = await page.goto(origin + target, { waitUntil: 'networkidle' });
    const violations: string[] = await page.evaluate(() => (window as any).__violations);
    const links: string[] = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    visits.push({ path: target, status: response?.status() ?? 0, violations, links });
    for (const link of links) {
      const url = new URL(link);
      if (url.origin !== origin) continue;
      const p = url.pathname + url.search;
      if (!seen.has(p)) {
        seen.add(p);
        queue.push(p);
      }
    }
    await page.close();
  }
  return { visits, thirdParty, cookies: await context.cookies() };
}

let browser: Browser;
let sites: GeneratedSites;
const previews: Preview[] = [];

beforeAll(async () => {
  sites = buildGeneratedSites();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  for (const p of previews) await p.close();
  sites?.cleanup();
});

/** One request to the edge without following redirects (Node resolves no *.localhost: connect to loopback, send the Host). */
function fetchAt(preview: Preview, path: string): Promise<{ status: number; location: string | null; type: string | null; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: preview.port, path, headers: { host: `${preview.host}:${preview.port}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          location: (res.headers.location as string | undefined) ?? null,
          type: res.headers['content-type'] ?? null,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', reject);
  });
}

describe.each([
  {
    name: 'Sphinx (dirhtml, alabaster)',
    content: () => sites.sphinx,
    // The search page fills its results with elements that carry style attributes.
    extra: ['/search/?q=share'],
    folders: ['/installation/', '/usage/', '/genindex/', '/search/'],
    redirects: [['/old-install/', '/installation/'], ['/old-install/index.html', '/installation/']],
    notFoundTitle: 'Page not found',
  },
  {
    name: 'Hugo',
    content: () => sites.hugo,
    extra: [],
    folders: ['/installation/', '/posts/', '/posts/first/'],
    redirects: [['/blog/', '/posts/'], ['/blog/first.html', '/posts/first/']],
    notFoundTitle: 'Page not found',
  },
])('$name output through the local edge', ({ content, extra, folders, redirects, notFoundTitle }) => {
  let preview: Preview;
  let result: Crawl;

  beforeAll(async () => {
    preview = await startPreview({ site: 'main', contentDir: content() });
    previews.push(preview);
    const context = await browser.newContext();
    result = await crawl(context, preview, extra);
    await context.close();
  });

  test('the crawl reaches every page and no link is broken', () => {
    const paths = result.visits.map((v) => v.path);
    expect(paths).toEqual(expect.arrayContaining(folders));
    expect(result.visits.filter((v) => v.status !== 200).map((v) => [v.path, v.status])).toEqual([]);
  });

  test('zero CSP violations on every page', () => {
    expect(result.visits.filter((v) => v.violations.length > 0).map((v) => [v.path, v.violations])).toEqual([]);
  });

  test('zero cookies and zero third-party requests', () => {
    expect(result.cookies).toEqual([]);
    expect(result.thirdParty).toEqual([]);
  });

  test('folder URLs: /x/ serves x/index.html, /x answers 301 to /x/ keeping the query', async () => {
    for (const folder of folders) {
      const page = await fetchAt(preview, folder);
      expect([folder, page.status, page.type]).toEqual([folder, 200, 'text/html; charset=utf-8']);
      const bare = await fetchAt(preview, `${folder.slice(0, -1)}?a=1`);
      expect([folder, bare.status, bare.location]).toEqual([folder, 301, `${folder}?a=1`]);
    }
  });

  test('configured redirects answer 301 with their target', async () => {
    for (const [from, to] of redirects) {
      const r = await fetchAt(preview, from);
      expect([from, r.status, r.location]).toEqual([from, 301, to]);
    }
  });

  test('a missing page is the 404 page with status 404, no S3 error document', async () => {
    for (const missing of ['/no/such/page/', '/no-such-file.html']) {
      const r = await fetchAt(preview, missing);
      expect(r.status).toBe(404);
      expect(r.type).toBe('text/html; charset=utf-8');
      expect(r.body).toContain(notFoundTitle);
      expect(r.body).not.toContain('AccessDenied');
    }
  });
});

describe('the same Hugo output under the former self-only CSP', () => {
  test('reports the inline style attributes and the data: icon as violations (what the static-site CSP fixes)', async () => {
    const selfOnly = { 'default-src': ["'self'"], 'base-uri': ["'self'"], 'form-action': ["'self'"], 'frame-ancestors': ["'none'"], 'object-src': ["'none'"] };
    const config = { ...estateConfig, sites: { ...estateConfig.sites, main: { ...estateConfig.sites.main, contentSecurityPolicy: selfOnly } } };
    const preview = await startPreview({ site: 'main', contentDir: sites.hugo, config });
    previews.push(preview);
    const context = await browser.newContext();
    const result = await crawl(context, preview);
    await context.close();
    const home = result.visits.find((v) => v.path === '/')!;
    expect(home.violations.filter((v) => v.startsWith('style-src-attr inline')).length).toBeGreaterThanOrEqual(3);
    expect(home.violations.some((v) => v.startsWith('img-src data'))).toBe(true);
  });
});
