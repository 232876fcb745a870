/**
 * Hosts of analytics, advertising, tag-manager and social-tracking services,
 * taken from the `third-party-web` dataset (MIT, maintained from HTTP Archive
 * crawls) rather than a hand-written list.
 *
 * Counted categories (third-party-web's own names): `analytics`, `ad`,
 * `tag-manager`, `social`. Not counted: cdn, hosting, utility, video, content,
 * customer-success, marketing, consent-provider, other — they serve content or
 * run a service rather than track visitors by design.
 */
import { readFileSync } from 'fs';

// Read through fs rather than `import ... from '*.json'`: a default import of JSON compiles to
// `entities_json_1.default`, which is undefined in a consumer built without esModuleInterop
// (or resolveJsonModule). require.resolve works under every tsconfig and in plain JavaScript.
const entities: unknown = JSON.parse(readFileSync(require.resolve('third-party-web/dist/entities.json'), 'utf8'));

export const TRACKING_CATEGORIES: readonly string[] = ['analytics', 'ad', 'tag-manager', 'social'];

interface Entity {
  readonly name: string;
  readonly category: string;
  readonly domains: readonly string[];
}

/** Registrable host → entity name. A host matches itself and every subdomain. */
const HOSTS: ReadonlyMap<string, string> = (() => {
  const counted = new Set(TRACKING_CATEGORIES);
  const hosts = new Map<string, string>();
  for (const e of entities as readonly Entity[]) {
    if (!counted.has(e.category)) continue;
    for (const d of e.domains) hosts.set(d.replace(/^\*\./, '').toLowerCase(), e.name);
  }
  return hosts;
})();

/** Host-like runs of a string: labels of letters, digits and hyphens joined by dots. */
const HOST_CANDIDATE = /[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+/gi;

/**
 * Tracking hosts named in `text`, as `host (entity)`. Each candidate host is
 * looked up with each of its parent domains, so `region1.google-analytics.com`
 * matches `*.google-analytics.com`: a few map lookups per host, no scan of the list.
 */
export function trackingHostsIn(text: string): string[] {
  // Cheap pre-filter: no dot, no host.
  if (text.indexOf('.') < 0) return [];
  const found: string[] = [];
  for (const m of text.matchAll(HOST_CANDIDATE)) {
    const host = m[0].toLowerCase();
    let suffix = host;
    for (;;) {
      const entity = HOSTS.get(suffix);
      if (entity) {
        found.push(`${host} (${entity})`);
        break;
      }
      const dot = suffix.indexOf('.');
      if (dot < 0) break;
      suffix = suffix.slice(dot + 1);
    }
  }
  return found;
}

/** How many hosts the dataset contributes (for docs and tests). */
export function trackingHostCount(): number {
  return HOSTS.size;
}
