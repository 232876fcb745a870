/**
 * Request header in which the viewer-request function names the legacy cookies
 * it removed, for the viewer-response function to expire. The origin request
 * policies forward only named headers, so it never leaves CloudFront.
 */
export const PURGE_HEADER = 'x-cookie-filter-legacy';
