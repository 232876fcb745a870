import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { SiteBehavior } from '../constructs/private-distribution';

/**
 * How Discourse sits behind PrivateDistribution. Pages and the API are
 * per-member (JSON and HTML share URLs, chosen by `Accept`), so the default is
 * uncached; only fingerprinted files, whose name changes with their content,
 * are cached.
 */

/** Paths whose file names carry a content digest. */
const FINGERPRINTED = ['/assets/*', '/stylesheets/*', '/theme-javascripts/*', '/svg-sprite/*'];

export const FORUM_BEHAVIORS: Record<string, SiteBehavior> = {
  // Long polling (POST) for live updates: never cached, never coalesced.
  '/message-bus/*': { caching: 'uncached', allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL },
  // Uploads may be secure (member-only) uploads; Discourse decides per request. The composer
  // POSTs to /uploads/lookup-urls, /uploads/lookup-metadata and the multipart routes
  // (/uploads/create-multipart, complete-multipart, abort-multipart, batch-presign-multipart-parts):
  // discourse/discourse config/routes.rb, `post "uploads/..."`.
  '/uploads/*': { caching: 'uncached', allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL },
  ...Object.fromEntries(FINGERPRINTED.map((path) => [path, { caching: 'cached' } as SiteBehavior])),
};

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
