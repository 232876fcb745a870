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

/** Host → entity name, for the entities whose category is in `categories` (all when undefined). */
function hostMap(categories?: readonly string[]): ReadonlyMap<string, string> {
  const counted = categories && new Set(categories);
  const hosts = new Map<string, string>();
  for (const e of entities as readonly Entity[]) {
    if (counted && !counted.has(e.category)) continue;
    for (const d of e.domains) hosts.set(d.replace(/^\*\./, '').toLowerCase(), e.name);
  }
  return hosts;
}

/** Registrable host → entity name. A host matches itself and every subdomain. */
const HOSTS = hostMap(TRACKING_CATEGORIES);
/** Every third-party-web entity, whatever its category (CDNs, fonts, widgets included): for CSPs. */
const ALL_THIRD_PARTY_HOSTS = hostMap();

/**
 * Public APIs that sit under a parent the dataset lists as a wildcard for a
 * tracker (`*.microsoft.com` is "Bing Ads"): calls to them are service calls,
 * not tracking, so the parent's wildcard does not reach them. Each is the
 * documented endpoint of an API:
 * - graph.microsoft.com: https://learn.microsoft.com/en-us/graph/overview
 * - login.microsoft.com: https://learn.microsoft.com/en-us/entra/identity-platform/authentication-national-cloud
 * - api.cognitive.microsoft.com: https://learn.microsoft.com/en-us/azure/ai-services/cognitive-services-custom-subdomains
 */
const API_HOSTS: ReadonlySet<string> = new Set(['graph.microsoft.com', 'login.microsoft.com', 'api.cognitive.microsoft.com']);

/** The entity `host` (or a parent of it) belongs to in `map`, if any. */
function entityOf(map: ReadonlyMap<string, string>, host: string): string | undefined {
  let suffix = host.toLowerCase();
  if (API_HOSTS.has(suffix)) return undefined;
  for (;;) {
    const entity = map.get(suffix);
    if (entity) return entity;
    const dot = suffix.indexOf('.');
    if (dot < 0) return undefined;
    suffix = suffix.slice(dot + 1);
  }
}

/** The third-party service (any third-party-web category) serving `host`, if any. */
export function thirdPartyEntityOf(host: string): string | undefined {
  return entityOf(ALL_THIRD_PARTY_HOSTS, host);
}

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
    const entity = entityOf(HOSTS, host);
    if (entity) found.push(`${host} (${entity})`);
  }
  return found;
}

/** How many hosts the dataset contributes (for docs and tests). */
export function trackingHostCount(): number {
  return HOSTS.size;
}
