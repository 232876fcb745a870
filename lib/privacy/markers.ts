/**
 * How the estate marks what the privacy rule pack must recognise. Shared by the
 * constructs that create these things and the rules that check them, so the two
 * can never drift apart.
 */

/**
 * Every cookie-filter CloudFront Function's name starts with this prefix, and its
 * code starts with `COOKIE_FILTER_CODE_MARKER`. A function without both is not a
 * cookie filter.
 */
export const COOKIE_FILTER_NAME_PREFIX = 'CookieFilter';
export const COOKIE_FILTER_CODE_MARKER = '/* privacy:cookie-filter */';

/**
 * Metadata key a construct sets (with a non-empty reason) to declare a bucket
 * holds public content, so object expiry is not required of it.
 */
export const PUBLIC_CONTENT_METADATA_KEY = 'privacy:public-content';
