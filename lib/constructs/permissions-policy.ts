/**
 * The estate's Permissions-Policy header: every feature set to `()` (disabled for
 * the page and every frame in it).
 *
 * A feature name a browser does not know is not ignored silently: Chromium logs
 * "Error with Permissions-Policy header: Unrecognized feature: '<name>'." in the
 * console of every page (third_party/blink/renderer/core/permissions_policy/
 * permissions_policy_parser.cc), which an auditor's evidence reports and a visitor
 * sees. So the header names only features current browsers recognize.
 *
 * Which features exist is not decided here: test/constructs/permissions-policy.test.ts
 * holds every name against MDN's browser-compat-data (`http.headers.Permissions-Policy`,
 * the versions that added and removed each feature) and fails when one is removed or
 * unknown, and the browser tests assert that Chromium logs nothing about the header.
 */

/**
 * Interest-based advertising APIs the estate opts visitors out of, for as long as a
 * browser still ships them. `browsing-topics` (the Topics API) is the one that still
 * exists in Chromium; the rule pack requires it (Privacy-CloudFrontResponseHeaders).
 *
 * Retired, and left out because naming them now logs a console error:
 * `interest-cohort` (FLoC; Chromium reads it only as an alias of browsing-topics),
 * `join-ad-interest-group` and `run-ad-auction` (Protected Audience),
 * `attribution-reporting` (removed in Chrome 152).
 * AD_TECH_APIS_RETIRED lists them so the dataset test notices if one comes back.
 */
export const AD_TECH_OPT_OUTS = ['browsing-topics'] as const;

/** Advertising APIs left out of the header because browsers no longer recognize them. */
export const AD_TECH_APIS_RETIRED = ['interest-cohort', 'join-ad-interest-group', 'run-ad-auction', 'attribution-reporting'] as const;

/**
 * Private State Tokens let a third party carry a trust signal about the visitor
 * across sites; no page of the estate issues or redeems them.
 */
export const CROSS_SITE_TOKEN_OPT_OUTS = ['private-state-token-issuance', 'private-state-token-redemption'] as const;

/** Device APIs no site of the estate uses: refusing them keeps an injected script from asking. */
export const DEVICE_OPT_OUTS = ['camera', 'microphone', 'geolocation', 'payment', 'usb'] as const;

/** Every feature the header disables, in header order. */
export const PERMISSIONS_POLICY_FEATURES: readonly string[] = [...AD_TECH_OPT_OUTS, ...CROSS_SITE_TOKEN_OPT_OUTS, ...DEVICE_OPT_OUTS];

/** The header value: `feature=()` for each feature, comma-separated (a structured-field dictionary). */
export const PERMISSIONS_POLICY = PERMISSIONS_POLICY_FEATURES.map((f) => `${f}=()`).join(', ');

/** The feature names of a Permissions-Policy header value (the keys of its dictionary members). */
export function permissionsPolicyFeatures(value: string): string[] {
  return value
    .split(',')
    .map((member) => member.trim().split('=')[0].trim())
    .filter((name) => name !== '');
}
