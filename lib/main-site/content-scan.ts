import * as fs from 'fs';
import * as path from 'path';
import { ContentScanAcknowledgment } from '../config';
import { trackingHostsIn } from '../privacy/tracking-hosts';
import { ANALYTICS_SNIPPETS } from './analytics-snippets';
import { urlPathsOf } from './redirects';

export type FindingKind = 'third-party-resource' | 'inline-script' | 'inline-style' | 'event-handler' | 'javascript-url' | 'analytics';

/** One thing in the content that breaks a promise or that the CSP would block. */
export interface ContentFinding {
  /** Path relative to the content folder, `/`-separated. */
  readonly file: string;
  readonly line: number;
  readonly kind: FindingKind;
  readonly message: string;
  readonly fix: string;
}

export interface ContentScanOptions {
  /** Host names that are the site itself (absolute links to them are first-party). */
  readonly ownHosts?: readonly string[];
  /** URL paths the edge redirects: files served only there are never served, so not scanned. */
  readonly redirected?: readonly string[];
}

/** Elements and attributes through which a page loads something (not links a visitor follows). */
const LOADING_ATTRIBUTES: Record<string, readonly string[]> = {
  script: ['src'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  iframe: ['src'],
  frame: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  embed: ['src'],
  object: ['data'],
  input: ['src'],
  image: ['href', 'xlink:href'],
  use: ['href', 'xlink:href'],
};
/** <link rel> values that make the browser fetch or connect to the href. */
const LOADING_RELS = new Set(['stylesheet', 'preconnect', 'dns-prefetch', 'preload', 'modulepreload', 'prefetch', 'prerender', 'icon', 'apple-touch-icon', 'manifest']);
/** <script type> values a browser runs; anything else (JSON-LD, templates) is a data block. */
const SCRIPT_TYPES = /^(|module|(text|application)\/(x-)?(java|ecma)script|text\/jscript|text\/livescript)$/i;

const TAG = /<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>\/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const CSS_URL = /(?:url\(\s*["']?|@import\s+["'])((?:https?:)?\/\/[^"')\s]+)/gi;

/**
 * Scans a content folder before it is deployed: HTML pages for third-party
 * resources, inline scripts, event-handler attributes, javascript: URLs and
 * analytics snippets; stylesheets for third-party url()/@import; scripts for
 * analytics snippets. Each finding names the file, the line and the fix.
 */
export function scanContent(dir: string, options: ContentScanOptions = {}): ContentFinding[] {
  const redirected = new Set(options.redirected ?? []);
  const own = new Set((options.ownHosts ?? []).map((h) => h.toLowerCase()));
  const findings: ContentFinding[] = [];
  for (const file of filesUnder(dir)) {
    if (urlPathsOf(file).some((u) => redirected.has(u))) continue;
    const ext = path.extname(file).toLowerCase();
    if (!['.html', '.htm', '.css', '.js', '.mjs'].includes(ext)) continue;
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const rel = file.split(path.sep).join('/');
    const at = lineFinder(text);
    const add = (offset: number, kind: FindingKind, message: string, fix: string) => findings.push({ file: rel, line: at(offset), kind, message, fix });
    if (ext === '.css') scanCss(text, 0, own, add);
    else if (ext === '.js' || ext === '.mjs') scanAnalytics(text, 0, add);
    else scanHtml(text, own, add);
  }
  return findings;
}

type Add = (offset: number, kind: FindingKind, message: string, fix: string) => void;

function scanHtml(raw: string, own: ReadonlySet<string>, add: Add): void {
  // Comments load nothing: blank them, keeping offsets (and so line numbers).
  const html = raw.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' '));
  const refresh = /<meta\s[^>]*http-equiv\s*=\s*["']?refresh["']?[^>]*content\s*=\s*["'][^"']*url=([^"'\s>]+)/i.exec(html)?.[1];
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    const name = m[1].toLowerCase();
    const attrs = attributes(m[2]);
    const offset = m.index;
    for (const [attr, value] of attrs) {
      if (attr.startsWith('on')) {
        add(offset, 'event-handler', `<${name} ${attr}="…"> runs inline script, which the CSP (script-src 'self') blocks.`, 'attach the handler with addEventListener in a .js file of the site.');
      } else if (/^\s*javascript:/i.test(value)) {
        add(offset, 'javascript-url', `<${name} ${attr}="javascript:…"> runs inline script, which the CSP blocks.`, 'use a real link, or a button with a handler in a .js file of the site.');
      } else if (attr === 'style') {
        scanCss(value, offset, own, add);
      }
    }
    const loads = LOADING_ATTRIBUTES[name] ?? (name === 'link' && relLoads(attrs.get('rel')) ? ['href'] : []);
    for (const attr of loads) {
      const value = attrs.get(attr);
      if (value) for (const url of value.split(/,\s*/)) thirdParty(url.trim().split(/\s+/)[0], `<${name} ${attr}>`, offset, own, add);
    }
    if (name === 'style') {
      const end = html.toLowerCase().indexOf('</style', TAG.lastIndex);
      const css = html.slice(TAG.lastIndex, end < 0 ? undefined : end);
      if (css.trim() !== '') {
        add(offset, 'inline-style', "<style> element, which the main site's CSP (style-src 'self') blocks; style=\"…\" attributes are allowed.", 'move the rules into a .css file of the site and link it with <link rel="stylesheet">.');
      }
      scanCss(css, TAG.lastIndex, own, add);
    }
    if (name === 'script') {
      const end = html.toLowerCase().indexOf('</script', TAG.lastIndex);
      const body = html.slice(TAG.lastIndex, end < 0 ? undefined : end);
      const type = (attrs.get('type') ?? '').trim();
      // The tag's attributes (a loader URL, data-domain, an id) and its body.
      scanAnalytics(m[0], offset, add);
      scanAnalytics(body, TAG.lastIndex, add);
      if (!attrs.has('src') && SCRIPT_TYPES.test(type) && body.trim() !== '') {
        add(
          offset,
          'inline-script',
          'inline <script>, which the CSP (script-src \'self\') blocks.',
          refresh
            ? `this is a redirect page: add "<this page's path> ${refresh}" to the content folder's _redirects (or sites.main.redirects); the edge then answers 301 and never serves the page.`
            : 'move the code into a .js file of the site and load it with <script src="…">, or remove it.',
        );
      }
      if (end > 0) TAG.lastIndex = end;
    }
  }
  // Snippets can hide in attributes too (data-domain for Plausible, GTM's noscript iframe).
  scanAnalytics(html.replace(/<script\b[\s\S]*?<\/script\s*>/gi, (s) => s.replace(/[^\n]/g, ' ')), 0, add);
}

function relLoads(rel: string | undefined): boolean {
  return (rel ?? '').toLowerCase().split(/\s+/).some((r) => LOADING_RELS.has(r));
}

function scanCss(css: string, base: number, own: ReadonlySet<string>, add: Add): void {
  CSS_URL.lastIndex = 0;
  for (let m = CSS_URL.exec(css); m; m = CSS_URL.exec(css)) thirdParty(m[1], 'CSS url()/@import', base + m.index, own, add);
}

function thirdParty(url: string, where: string, offset: number, own: ReadonlySet<string>, add: Add): void {
  const absolute = /^(?:https?:)?\/\/([^/?#:\s]+)/i.exec(url);
  if (!absolute) return;
  const host = absolute[1].toLowerCase();
  if (own.has(host)) return;
  const tracker = trackingHostsIn(host)[0];
  add(
    offset,
    'third-party-resource',
    `${where} loads ${url} from ${host}${tracker ? ` (a tracking host: ${tracker})` : ''}: the visitor's browser would contact a third party, which the policy rules out and the CSP blocks.`,
    'copy the file into the content folder and reference it by a path on this site (fonts, scripts and styles can all be self-hosted), or remove it.',
  );
}

function scanAnalytics(text: string, base: number, add: Add): void {
  for (const snippet of ANALYTICS_SNIPPETS) {
    snippet.pattern.lastIndex = 0;
    const m = snippet.pattern.exec(text);
    if (m) add(base + m.index, 'analytics', `${snippet.name} snippet (${m[0].trim().slice(0, 60)}): the policy promises no analytics or tracking.`, `remove the ${snippet.name} code (and its theme/config setting, e.g. ${snippet.setting}).`);
  }
}

function attributes(source: string): Map<string, string> {
  const out = new Map<string, string>();
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(source); m; m = ATTRIBUTE.exec(source)) {
    const name = m[1].toLowerCase();
    if (!out.has(name)) out.set(name, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return out;
}

/** The entities that can disguise a URL's scheme or host in an attribute. */
function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);?/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&colon;/gi, ':')
    .replace(/&sol;/gi, '/')
    .replace(/&amp;/gi, '&');
}

function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

function filesUnder(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = path.join(prefix, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(dir, rel));
    else if (entry.isFile()) out.push(rel);
  }
  return out.sort();
}

/** Findings left after the site's acknowledgments; an acknowledgment that matches nothing is an error too. */
export function unacknowledged(findings: readonly ContentFinding[], acks: readonly ContentScanAcknowledgment[]): { findings: ContentFinding[]; stale: ContentScanAcknowledgment[] } {
  const files = new Set(acks.map((a) => a.file));
  return {
    findings: findings.filter((f) => !files.has(f.file)),
    stale: acks.filter((a) => !findings.some((f) => f.file === a.file)),
  };
}

/** Thrown before any template is written when the content breaks a promise or would break under the CSP. */
export class ContentScanError extends Error {
  constructor(public readonly findings: readonly ContentFinding[], dir: string) {
    super(
      `Main site content scan of ${dir}: ${findings.length} finding${findings.length === 1 ? '' : 's'}\n` +
        findings.map((f) => `  - ${f.file}:${f.line} [${f.kind}] ${f.message}\n    fix: ${f.fix}`).join('\n') +
        '\nA finding you have reviewed can be accepted per file in sites.main.contentScanAcknowledgments ({ file, reason }).',
    );
    this.name = 'ContentScanError';
  }
}
