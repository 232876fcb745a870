import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Template } from 'aws-cdk-lib/assertions';
import { estateConfig } from '../../estate.config';
import { EstateConfig, EstateConfigError, validateConfig } from '../../lib/config';
import { cookieFiltersInTemplate, viewerRequestEvent } from '../../lib/cookie-filter';
import { compileCookieFilter, MAX_FUNCTION_BYTES } from '../../lib/cookie-filter/compile';
import { cookiePolicy } from '../../lib/cookie-filter/policy';
import { siteRedirects } from '../../lib/main-site/redirects';
import { findSiteEdge } from '../../lib/preview/site-edge';
import { buildEstate } from '../setup/estate';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function content(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'estate-edge-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const PAGE = '<!DOCTYPE html><html><head><title>t</title></head><body><p>x</p></body></html>\n';
type Main = EstateConfig['sites']['main'];
const main = (extra: Partial<Main>): Main => ({ ...estateConfig.sites.main, ...extra });
const withMain = (extra: Partial<Main>): EstateConfig => ({ ...estateConfig, sites: { ...estateConfig.sites, main: main(extra) } });

describe('main-site template: rewrite, redirects, 404 and CSP', () => {
  const dir = content({
    'index.html': PAGE,
    'docs/index.html': PAGE,
    _redirects: '# moved pages\n/old.html   /docs/   301\n\n/guide/ /docs/\n',
  });
  const { app, estate } = buildEstate(withMain({ contentDir: dir, redirects: { '/install': '/docs/' } }));
  const template = Template.fromStack(estate.mainSite).toJSON();
  const [pair] = cookieFiltersInTemplate(template);
  const request = (uri: string, query: Record<string, string> = {}) => {
    const event = viewerRequestEvent({ uri, cookie: '_ga=GA1.2.3; theme=dark' });
    for (const [k, v] of Object.entries(query)) event.request.querystring[k] = { value: v };
    return pair.viewerRequest.run(event);
  };
  const distribution = Object.values(template.Resources).find((r: any) => r.Type === 'AWS::CloudFront::Distribution') as any;
  const config = distribution.Properties.DistributionConfig;

  test('/x/ is served from x/index.html, cookies still filtered', () => {
    const out = request('/docs/');
    expect(out.uri).toBe('/docs/index.html');
    expect(out.cookies).toEqual({});
    expect(request('/').uri).toBe('/index.html');
    expect(request('/style.css').uri).toBe('/style.css');
    expect(request('/docs/index.html').uri).toBe('/docs/index.html');
  });

  test('/x without an extension answers 301 to /x/ with its query', () => {
    expect(request('/docs', { a: '1' })).toEqual({ statusCode: 301, statusDescription: 'Moved Permanently', headers: { location: { value: '/docs/?a=1' } }, cookies: {} });
    expect(request('/a.b/c').headers.location.value).toBe('/a.b/c/');
  });

  test('config and _redirects entries answer 301 before the folder rules', () => {
    expect(request('/install').headers.location.value).toBe('/docs/');
    expect(request('/old.html').headers.location.value).toBe('/docs/');
    expect(request('/guide/')).toMatchObject({ statusCode: 301, headers: { location: { value: '/docs/' } } });
    // Exact paths only: Object.prototype names are not redirects.
    expect(request('/constructor').headers.location.value).toBe('/constructor/');
  });

  test('missing keys (403 from the OAC origin, 404) are the 404 page with status 404', () => {
    expect(config.CustomErrorResponses).toEqual([
      { ErrorCode: 403, ResponseCode: 404, ResponsePagePath: '/404.html', ErrorCachingMinTTL: 300 },
      { ErrorCode: 404, ResponseCode: 404, ResponsePagePath: '/404.html', ErrorCachingMinTTL: 300 },
    ]);
  });

  test('content without a 404.html gets a plain generated one; _redirects is not published', () => {
    const [staged, ...generated] = findSiteEdge(app.synth(), 'main')!.contentDirs;
    expect(fs.readdirSync(staged).sort()).toEqual(['docs', 'index.html']);
    const notFound = generated.map((d) => path.join(d, '404.html')).filter((f) => fs.existsSync(f));
    expect(notFound).toHaveLength(1);
    const html = fs.readFileSync(notFound[0], 'utf8');
    expect(html).toContain('<title>Page not found</title>');
    expect(html).not.toMatch(/<script|<style|style=|https?:/);
  });

  test('the CSP allows what generators emit and no script but same-origin files', () => {
    const policies = Object.values(template.Resources).filter((r: any) => r.Type === 'AWS::CloudFront::ResponseHeadersPolicy') as any[];
    const csp: string = policies[0].Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy;
    const directives = new Map(csp.split(/;\s*/).map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('style-src-attr')).toEqual(["'unsafe-inline'"]);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:']);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'self'"]);
    expect(directives.get('form-action')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(csp.replace("style-src-attr 'unsafe-inline'", '')).not.toContain('unsafe-inline');
  });
});

describe('redirect validation', () => {
  const dir = content({ 'index.html': PAGE });
  const problems = (site: Partial<Main>, files: Record<string, string> = {}) => {
    try {
      siteRedirects(main(site), Object.keys(files).length ? content(files) : dir);
      return [];
    } catch (e) {
      expect(e).toBeInstanceOf(EstateConfigError);
      return (e as EstateConfigError).problems.map((p) => p.field);
    }
  };

  test('absolute paths only, on both sides', () => {
    expect(problems({ redirects: { 'old.html': '/new/' } })).toEqual(['sites.main.redirects["old.html"]']);
    expect(problems({ redirects: { '/old/*': '/new/' } })).toEqual(['sites.main.redirects["/old/*"]']);
    expect(problems({ redirects: { '/old.html': 'new.html' } })).toEqual(['sites.main.redirects["/old.html"]']);
  });

  test('no open redirect: other hosts only when listed, https only, protocol-relative never', () => {
    expect(problems({ redirects: { '/a': 'https://evil.example/' } })).toEqual(['sites.main.redirects["/a"]']);
    expect(problems({ redirects: { '/a': '//evil.example/' } })).toEqual(['sites.main.redirects["/a"]']);
    expect(problems({ redirects: { '/a': 'http://docs.example.org/' }, redirectHosts: ['docs.example.org'] })).toEqual(['sites.main.redirects["/a"]']);
    expect(problems({ redirects: { '/a': 'https://docs.example.org/x' }, redirectHosts: ['docs.example.org'] })).toEqual([]);
    expect(problems({ redirects: { '/a': 'https://evil.example@docs.example.org/' }, redirectHosts: ['docs.example.org'] })).toEqual(['sites.main.redirects["/a"]']);
  });

  test('targets carry no query or fragment: the request query is appended', () => {
    expect(problems({ redirects: { '/a': '/b/?x=1' } })).toEqual(['sites.main.redirects["/a"]']);
    expect(problems({ redirects: { '/a': '/b/#part' } })).toEqual(['sites.main.redirects["/a"]']);
  });

  test('no loops, however long the chain', () => {
    expect(problems({ redirects: { '/a': '/a' } })).toEqual(['redirect /a']);
    expect(problems({ redirects: { '/a': '/b', '/b': '/c', '/c': '/a' } })).toEqual(['redirect /a', 'redirect /b', 'redirect /c']);
  });

  test('_redirects lines: 301 only, errors name the line; a conflicting duplicate is refused', () => {
    expect(problems({}, { _redirects: '/a /b\n/c /d 302\n/e /f 301 Country=de\n' })).toEqual(['_redirects:2', '_redirects:3']);
    expect(problems({ redirects: { '/a': '/x/' } }, { _redirects: '/a /y/\n' })).toEqual(['_redirects:1']);
  });
});

describe('function size budget', () => {
  const policy = cookiePolicy({ cookies: [] });
  const redirects = (n: number, len: number) =>
    Object.fromEntries(Array.from({ length: n }, (_, i) => [`/old/${String(i).padStart(len, 'x')}.html`, `/new/${String(i).padStart(len, 'y')}/`]));

  test('the rewrite and 50 redirects of realistic length stay within 5 KB', () => {
    const code = compileCookieFilter('viewer-request', policy, { r: redirects(50, 20) });
    expect(Buffer.byteLength(code)).toBeLessThanOrEqual(5 * 1024);
  });

  test('too many redirects fail synth with the limit and what to shorten', () => {
    expect(() => compileCookieFilter('viewer-request', policy, { r: redirects(400, 20) })).toThrow(
      new RegExp(`over CloudFront's ${MAX_FUNCTION_BYTES}-byte limit: shorten the site's cookie list, its redirects`),
    );
  });

  test('sites without routes ship no routing code', () => {
    expect(compileCookieFilter('viewer-request', policy)).not.toContain('index.html');
  });
});

describe('main-site CSP from config', () => {
  const fields = (csp: Record<string, string[]>) => {
    try {
      validateConfig(withMain({ contentSecurityPolicy: csp }));
      return [];
    } catch (e) {
      return (e as EstateConfigError).problems.map((p) => [p.field, p.value]);
    }
  };

  test("script-src may hold only 'self', 'none' or exact hashes", () => {
    expect(fields({ 'default-src': ["'self'"], 'script-src': ["'self'", "'sha256-AbC+/=='"] })).toEqual([]);
    for (const bad of ["'unsafe-inline'", "'unsafe-eval'", 'https://cdn.example.com', '*', 'https:', "'nonce-abc'"]) {
      expect(fields({ 'script-src': ["'self'", bad] })).toEqual([['sites.main.contentSecurityPolicy.script-src', ["'self'", bad]]]);
    }
  });

  test('without script-src, default-src is what scripts fall back to', () => {
    expect(fields({ 'default-src': ["'self'", 'https://cdn.example.com'] })).toEqual([
      ['sites.main.contentSecurityPolicy.script-src', ["'self'", 'https://cdn.example.com']],
    ]);
  });

  test('a malformed directive is named', () => {
    expect(fields({ 'script-src': ["'self'"], 'img-src;': ["'self'"] })).toEqual([['sites.main.contentSecurityPolicy.img-src;', ["'self'"]]]);
  });
});
