import * as fs from 'fs';
import * as path from 'path';

/** The file the main site's deployment publishes the generated disclosure as. */
export const PRIVACY_PAGE_FILE = 'privacy.html';

/**
 * The generated privacy page as the assembly ships it: synth stages it as one of
 * the main site's deployment assets (`asset.<hash>/privacy.html`).
 */
export function findPrivacyPage(assemblyDir: string): string | undefined {
  for (const entry of fs.readdirSync(assemblyDir).sort()) {
    const file = path.join(assemblyDir, entry, PRIVACY_PAGE_FILE);
    if (entry.startsWith('asset.') && fs.existsSync(file)) return fs.readFileSync(file, 'utf8');
  }
  return undefined;
}

/** The cookie names the page lists per site (`<section id="site-<key>">` … `<code>name</code>`). */
export function disclosedCookies(html: string | undefined): Record<string, ReadonlySet<string>> {
  const out: Record<string, Set<string>> = {};
  for (const section of (html ?? '').split('<section id="site-').slice(1)) {
    const site = section.slice(0, section.indexOf('"'));
    out[site] = new Set([...section.matchAll(/<td><code>([^<]+)<\/code><\/td>/g)].map((m) => decode(m[1])));
  }
  return out;
}

/** The page as text a reviewer can diff: one line per heading, paragraph, list item or table row. */
export function pageText(html: string): string[] {
  const body = html.replace(/^[\s\S]*?<main>/, '').replace(/<\/main>[\s\S]*$/, '');
  return body
    .replace(/<h(\d)>/g, (_m, level: string) => `\n${'#'.repeat(Number(level))} `)
    .replace(/<li>/g, '\n- ')
    .replace(/<tr>/g, '\n| ')
    .replace(/<\/t[dh]>/g, ' | ')
    .replace(/<(p|section|table|ul)\b[^>]*>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .split('\n')
    .map((line) => decode(line).replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '');
}

function decode(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!);
}
