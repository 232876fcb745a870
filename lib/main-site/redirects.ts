import * as fs from 'fs';
import * as path from 'path';
import { ConfigProblem, EstateConfigError, MainSiteConfig } from '../config';

/** The redirects file a content folder may hold (Netlify's `_redirects` format, 301 lines only). */
export const REDIRECTS_FILE = '_redirects';

/** Old path → new path or allowed https:// URL. */
export type RedirectMap = Record<string, string>;

/** A path the edge can match: absolute, no scheme, query, fragment, wildcard or placeholder. */
const PATH = /^\/(?!\/)[^\s?#*:\\]*$/;

/**
 * The main site's redirects: `sites.main.redirects` merged with the content
 * folder's `_redirects` file, validated so that every source is an absolute path,
 * every target is a path of this site or an https:// URL on a host listed in
 * `redirectHosts` (no open redirect), and no chain of redirects loops.
 * Throws EstateConfigError naming each bad entry.
 */
export function siteRedirects(site: MainSiteConfig, contentDir: string): RedirectMap {
  const problems: ConfigProblem[] = [];
  const fail = (field: string, value: unknown, fix: string) => problems.push({ field, value, fix });
  const entries: { field: string; from: string; to: string }[] = Object.entries(site.redirects ?? {}).map(([from, to]) => ({
    field: `sites.main.redirects[${JSON.stringify(from)}]`,
    from,
    to,
  }));
  entries.push(...parseRedirectsFile(contentDir, fail));

  const allowedHosts = new Set((site.redirectHosts ?? []).map((h) => h.toLowerCase()));
  const map: RedirectMap = {};
  for (const { field, from, to } of entries) {
    if (!PATH.test(from)) {
      fail(field, from, 'a redirect source is an absolute path on this site, e.g. "/old/page.html" (no host, query, fragment, * or :placeholder).');
      continue;
    }
    if (!validTarget(to, allowedHosts)) {
      fail(
        field,
        to,
        `give a path on this site ("/new/") or an https:// URL on a host listed in sites.main.redirectHosts (${[...allowedHosts].join(', ') || 'none listed'}), without query or fragment (the request's query is kept).`,
      );
      continue;
    }
    if (map[from] !== undefined && map[from] !== to) {
      fail(field, to, `${from} already redirects to ${map[from]}; keep one target.`);
      continue;
    }
    map[from] = to;
  }
  for (const from of Object.keys(map)) {
    const loop = loopFrom(map, from);
    if (loop) fail(`redirect ${from}`, loop.join(' → '), 'the chain comes back to a path it left: point one of them at a page that exists.');
  }
  if (problems.length > 0) throw new EstateConfigError(problems);
  return map;
}

/** The edge appends the request's query to the target: targets carry neither query nor fragment. */
function validTarget(to: string, allowedHosts: ReadonlySet<string>): boolean {
  if (typeof to !== 'string' || /[?#\s]/.test(to)) return false;
  if (to.startsWith('/')) return PATH.test(to);
  let url: URL;
  try {
    url = new URL(to);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && allowedHosts.has(url.hostname) && !url.username && !url.password;
}

/** The chain from `from` when it returns to a path it visited; undefined when it ends. */
function loopFrom(map: RedirectMap, from: string): string[] | undefined {
  const seen = [from];
  let at = map[from];
  while (at !== undefined && at.startsWith('/')) {
    seen.push(at);
    if (seen.indexOf(at) < seen.length - 1) return seen;
    at = map[at];
  }
  return undefined;
}

/** `from to [301]` lines; `#` starts a comment. Other statuses, splats and placeholders are refused. */
function parseRedirectsFile(contentDir: string, fail: (field: string, value: unknown, fix: string) => void) {
  const file = path.join(contentDir, REDIRECTS_FILE);
  if (!fs.existsSync(file)) return [];
  const out: { field: string; from: string; to: string }[] = [];
  fs.readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = raw.replace(/(^|\s)#.*$/, '').trim();
      if (!line) return;
      const field = `${REDIRECTS_FILE}:${i + 1}`;
      const parts = line.split(/\s+/);
      if (parts.length < 2 || parts.length > 3 || (parts.length === 3 && parts[2] !== '301')) {
        fail(field, raw, 'write "<from> <to>" or "<from> <to> 301": the edge answers 301 only (no rewrites, proxies, 302 or conditions).');
        return;
      }
      out.push({ field, from: parts[0], to: parts[1] });
    });
  return out;
}

/** URL paths a content file answers at: `a/index.html` → `/a/` and `/a/index.html`. */
export function urlPathsOf(file: string): string[] {
  const url = '/' + file.split(path.sep).join('/');
  return url.endsWith('/index.html') ? [url, url.slice(0, -'index.html'.length)] : [url];
}
