/**
 * The cookie policy of one site, as the compile step bakes it into the shipped
 * function (esbuild `define`): no key-value store, no lookup at request time.
 * Short keys keep the compiled function small.
 */
export interface CookieRule {
  /** Force HttpOnly. */
  readonly h: boolean;
  /** Longest lifetime in seconds; `null` for a session-only cookie. */
  readonly m: number | null;
}

export interface CookiePolicy {
  /** Allowlisted cookie name → how the edge rewrites its Set-Cookie. */
  readonly allow: { readonly [name: string]: CookieRule };
  /** Legacy analytics cookies matched by exact name. */
  readonly legacy: { readonly [name: string]: 1 };
  /** Legacy analytics cookies matched by name prefix. */
  readonly legacyPrefixes: readonly string[];
  /** Registrable domain the legacy cookies were also set on; `null` on *.cloudfront.net. */
  readonly parent: string | null;
  /** Most legacy cookies purged per response (the rest go on the next one). */
  readonly maxPurge: number;
}

declare const __COOKIE_POLICY__: CookiePolicy;

/** Replaced at compile time by the site's policy literal. */
export const POLICY: CookiePolicy = __COOKIE_POLICY__;

const hasOwn = Object.prototype.hasOwnProperty;

/** Own-property test: cookie names such as `constructor` or `__proto__` must not hit Object.prototype. */
export function has(map: object, key: string): boolean {
  return hasOwn.call(map, key);
}

/** A cookie the estate's old analytics set, and that no allowlist entry claims. */
export function isLegacy(name: string): boolean {
  if (has(POLICY.allow, name)) return false;
  if (has(POLICY.legacy, name)) return true;
  const prefixes = POLICY.legacyPrefixes;
  for (let i = 0; i < prefixes.length; i++) {
    if (name.indexOf(prefixes[i]) === 0) return true;
  }
  return false;
}
