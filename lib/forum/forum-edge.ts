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
  // Uploads may be secure (member-only) uploads; Discourse decides per request.
  '/uploads/*': { caching: 'uncached' },
  ...Object.fromEntries(FINGERPRINTED.map((path) => [path, { caching: 'cached' } as SiteBehavior])),
};

/**
 * Viewer headers Discourse needs at the origin: the host it serves, the format
 * asked for, CSRF and XHR markers on every write, and its own client headers.
 * No Referer, no Accept-Language: not needed to serve the forum.
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
];

/**
 * Only the forum itself: no third-party script, frame, image or connection.
 * Inline styles, blob: workers and data:/blob: images are what Discourse's
 * composer and image optimisation use; WebAssembly compiles its image encoder.
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
