import { CfEvent, CfMap, CfRequest, CfResponse } from '../../cloudfront-functions/events';
import { POLICY, has, isLegacy } from './policy';
import { PURGE_HEADER } from './purge-header';
import { route, SiteRoutes } from './site-routes';

/** Replaced at compile time: the site's routes, or `null` (then esbuild drops the routing code). */
declare const __SITE_ROUTES__: SiteRoutes | null;

/**
 * Viewer request: only the site's allowlisted cookies go on to the cache key, the
 * origin and the logs. Legacy analytics cookies the visitor still carries are
 * named in PURGE_HEADER for the viewer-response function, which expires them.
 * On a static site it first routes folder URLs and redirects.
 */
export function handler(event: CfEvent): CfRequest | CfResponse {
  const request = event.request;
  // A static site's folder URLs and redirects (lib/cookie-filter/functions/site-routes.ts); a redirect
  // carries no cookie, so it is answered before the filter.
  if (__SITE_ROUTES__) {
    const redirect = route(__SITE_ROUTES__, request);
    if (redirect) return redirect;
  }
  const cookies = request.cookies || {};
  const kept: CfMap = {};
  let legacy = '';
  let purge = 0;
  for (const name in cookies) {
    if (has(POLICY.allow, name)) {
      kept[name] = cookies[name];
    } else if (purge < POLICY.maxPurge && isLegacy(name)) {
      legacy += (purge++ ? ',' : '') + name;
    }
  }
  request.cookies = kept;
  const headers = request.headers || (request.headers = {});
  // A viewer could send the header itself: only this function's value may reach viewer response.
  delete headers[PURGE_HEADER];
  if (purge) headers[PURGE_HEADER] = { value: legacy };
  return request;
}
