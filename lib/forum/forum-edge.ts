import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { SiteConfig } from '../config';
import { CookieSet, SiteBehavior } from '../constructs/private-distribution';

/**
 * How Discourse sits behind PrivateDistribution. Pages and the API are
 * per-member (JSON and HTML share URLs, chosen by `Accept`), so the default is
 * uncached; only fingerprinted files, whose name changes with their content,
 * are cached.
 */

/** Paths whose file names carry a content digest. */
const FINGERPRINTED = ['/assets/*', '/stylesheets/*', '/theme-javascripts/*', '/svg-sprite/*'];

/**
 * Which cookies Discourse's server sets or reads where (discourse/discourse), so each
 * origin request policy stays within CloudFront's 10 cookies:
 * - Only the login and single sign-on flows (`/session*`, `/auth/*`): `sso_payload`
 *   (set and read by SessionController's DiscourseConnect provider, read again at
 *   login), `sso_destination_url` (set by SessionController, read by the login
 *   modal's script) and `authentication_data` (set by the `/auth/:provider/callback`
 *   of Users::OmniauthCallbacksController). The estate turns every third-party login
 *   off (privacy-settings.ts), so these flows only carry them for completeness.
 * - Only rendered pages: the preferences the page's script sets and the server reads
 *   to render (`theme_ids`: ApplicationController's theme selection; `color_scheme_id`,
 *   `dark_scheme_id`, `text_size`, `forced_color_mode`: ApplicationHelper). Login
 *   responses are JSON or redirects and need none of them.
 * - Everywhere dynamic: `_t` and `_forum_session` (current user, CSRF),
 *   `destination_url` (set by ApplicationController#redirect_to_login on any page,
 *   read at login) and `_pending_anonymous_action` (AnonymousAction: consumed by
 *   CurrentUser#log_on_user, which activation, invites and password resets under `/u/`
 *   and `/invites/` call as well as login).
 * Fingerprinted files vary by nothing but their name: no cookie at all.
 */
const LOGIN_ONLY = ['sso_payload', 'sso_destination_url', 'authentication_data'];
const PAGES_ONLY = ['theme_ids', 'color_scheme_id', 'dark_scheme_id', 'text_size', 'forced_color_mode'];

/** The forum's cookie sets, from the site's declared cookies (a cookie added to the config goes to both dynamic sets). */
export function forumCookieSets(site: SiteConfig): { pages: CookieSet; login: CookieSet; none: CookieSet } {
  const declared = site.cookies.map((c) => c.name);
  return {
    pages: { id: 'Pages', names: declared.filter((n) => !LOGIN_ONLY.includes(n)) },
    login: { id: 'Login', names: declared.filter((n) => !PAGES_ONLY.includes(n)) },
    none: { id: 'Fingerprinted', names: [] },
  };
}

/** Discourse's default behavior: pages and the API, uncached, all methods. */
export function forumDefaultBehavior(site: SiteConfig): Omit<SiteBehavior, 'origin'> {
  return { caching: 'uncached', allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL, cookieSet: forumCookieSets(site).pages };
}

export function forumBehaviors(site: SiteConfig): Record<string, SiteBehavior> {
  const sets = forumCookieSets(site);
  const dynamic = (cookieSet: CookieSet): SiteBehavior => ({ caching: 'uncached', allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL, cookieSet });
  return {
    // Long polling (POST) for live updates: never cached, never coalesced.
    '/message-bus/*': dynamic(sets.pages),
    // Uploads may be secure (member-only) uploads; Discourse decides per request. The composer
    // POSTs to /uploads/lookup-urls, /uploads/lookup-metadata and the multipart routes
    // (/uploads/create-multipart, complete-multipart, abort-multipart, batch-presign-multipart-parts):
    // discourse/discourse config/routes.rb, `post "uploads/..."`.
    '/uploads/*': dynamic(sets.pages),
    // Login (POST /session), DiscourseConnect (/session/sso*), e-mail login and 2FA; third-party login callbacks.
    '/session*': dynamic(sets.login),
    '/auth/*': dynamic(sets.login),
    ...Object.fromEntries(FINGERPRINTED.map((path) => [path, { caching: 'cached', cookieSet: sets.none } as SiteBehavior])),
  };
}

/** CloudFront's quota of headers in one origin request policy (CloudFront Developer Guide, "Quotas on policies"). */
export const ORIGIN_REQUEST_POLICY_HEADER_QUOTA = 10;

/**
 * Viewer headers Discourse needs at the origin: the host it serves, the format
 * asked for, CSRF and XHR markers on every write, its own client headers, and
 * the viewer's protocol. No Referer, no Accept-Language: not needed to serve the forum.
 *
 * `CloudFront-Forwarded-Proto` is set by CloudFront itself (a viewer cannot
 * forge it); app.yml makes Discourse's nginx hand it to Rails as
 * X-Forwarded-Proto, so Rails sees HTTPS and writes the Secure `_t` and
 * `_forum_session` cookies (docs/forum.md, "HTTPS reaches Discourse").
 *
 * Not forwarded: `Discourse-Deferred-Track-View*` (sent on message-bus polls
 * and `/pageview`, discourse/discourse lib/middleware/request_tracker.rb). They
 * only split page views into "browser" and "other" in the admin statistics and
 * carry the referrer and the path; the list is at CloudFront's quota of 10.
 * Page and topic views are still counted from the HTML GET and from
 * `Discourse-Track-View` (same file).
 */
export const FORUM_FORWARD_HEADERS = [
  'Host',
  'Accept',
  'User-Agent',
  'X-CSRF-Token',
  'X-Requested-With',
  'Discourse-Present',
  'Discourse-Logged-In',
  'Discourse-Track-View',
  'Discourse-Track-View-Topic-Id',
  'CloudFront-Forwarded-Proto',
];

/**
 * The edge's CSP for the forum, sent only on responses that carry no CSP of their
 * own (nginx error pages, static files): the forum itself, nothing else.
 * Discourse's pages carry Discourse's own CSP, which passes unchanged: it holds a
 * per-request nonce and 'strict-dynamic' (discourse/discourse
 * lib/content_security_policy/default.rb), which a static response headers policy
 * cannot produce; replacing it blocked Discourse's nonce'd splash script and
 * admin theme scripts. That CSP adds no third-party host because app.yml pins the
 * CSP site settings (privacy-settings.ts, checked at synth).
 */
export const FORUM_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "worker-src 'self' blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  'upgrade-insecure-requests',
].join('; ');
