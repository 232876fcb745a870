import { SiteConfig } from '../config';
import type { CookiePolicy } from './functions/policy';
import { legacyAnalyticsCookies } from '../privacy/tracking-cookies';

export type { CookiePolicy, CookieRule } from './functions/policy';
export { PURGE_HEADER as PURGE_HEADER_NAME } from './functions/purge-header';

/** Two Set-Cookie per purged name: 25 names keep a response's headers far below CloudFront's limits. */
export const MAX_PURGE_PER_RESPONSE = 25;

const DAY_SECONDS = 86400;

/**
 * The policy baked into one site's functions, from the same config the
 * disclosure is generated from.
 * @param parentDomain the registrable domain legacy cookies were set on;
 *   `undefined` when the site runs on *.cloudfront.net (a public suffix: no parent cookie exists).
 */
export function cookiePolicy(site: Pick<SiteConfig, 'cookies'>, parentDomain?: string): CookiePolicy {
  const allow: Record<string, { h: boolean; m: number | null }> = {};
  for (const c of site.cookies) {
    allow[c.name] = { h: c.httpOnly, m: c.lifetime === 'session' ? null : c.lifetime.maxDays * DAY_SECONDS };
  }
  const legacyList = legacyAnalyticsCookies();
  const legacy: Record<string, 1> = {};
  for (const name of legacyList.exact) legacy[name] = 1;
  // The functions match prefixes with indexOf(prefix) === 0: an empty one would claim every cookie.
  if (legacyList.prefixes.some((p) => p === '')) throw new Error('legacy analytics prefixes: an empty prefix would purge every cookie');
  return {
    allow,
    legacy,
    legacyPrefixes: [...legacyList.prefixes],
    parent: parentDomain ?? null,
    maxPurge: MAX_PURGE_PER_RESPONSE,
  };
}
