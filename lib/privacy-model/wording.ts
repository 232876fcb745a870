import { CookieFact, StoreFact } from './types';

/** The names the policy uses for the sites. */
const SITE_NAMES: Record<string, string> = { main: 'Main site', appman: 'Appman', forum: 'Forum' };

export function siteName(site: string): string {
  return SITE_NAMES[site] ?? site;
}

export function describeRegionPlace(region: string, inEu: boolean): string {
  return inEu ? `${region} (in the EU)` : `${region} (outside the EU)`;
}

export function describeCookieLifetime(lifetime: CookieFact['lifetime']): string {
  if (lifetime === undefined) return 'lifetime not set at the edge';
  if (lifetime === 'session') return 'session only';
  return `${lifetime} day${lifetime === 1 ? '' : 's'}`;
}

/** A cookie's attributes as the policy page would put them. */
export function describeCookie(c: CookieFact): string {
  const parts = [describeCookieLifetime(c.lifetime)];
  if (c.httpOnly !== undefined) parts.push(c.httpOnly ? 'HttpOnly' : 'readable by scripts');
  parts.push(`reaches ${c.reaches.join(' and ')}`, `set by ${c.setBy}`, c.disclosed ? 'in the disclosure' : 'not in the disclosure');
  return parts.join(', ');
}

export function describeRetention(retention: StoreFact['retention']): string {
  return typeof retention === 'number' ? `${retention} day${retention === 1 ? '' : 's'}` : retention;
}

/** Whether a store holds logs: the policy's "rotated periodically" promise applies to it. */
export function isLogStore(store: Pick<StoreFact, 'kind' | 'name'>, logDestinations: ReadonlySet<string>): boolean {
  return store.kind === 'log groups' || logDestinations.has(store.name);
}

/** Where a destination is, when that matters to the EU promise; empty for an AWS Region in the EU. */
export function describeDestinationPlace(d: { region: string; inEu: boolean }): string {
  if (d.inEu) return '';
  if (d.region === 'third party' || d.region === 'recipient') return ` (${d.region})`;
  if (d.region === 'unknown') return ' (region unknown: outside this app)';
  return ` (${d.region}, outside the EU)`;
}

/** `S3 bucket Estate-Logs/Logs`, or `log groups (10)`. */
export function storeLabel(s: Pick<StoreFact, 'kind' | 'name' | 'count'>): string {
  return s.kind === 'log groups' ? `${s.name} (${s.count})` : `${s.kind} ${s.name}`;
}
