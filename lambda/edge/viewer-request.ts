import { CfEvent, CfMap, CfRequest } from './events';
import { POLICY, has, isLegacy } from './policy';
import { PURGE_HEADER } from './purge-header';

/**
 * Viewer request: only the site's allowlisted cookies go on to the cache key, the
 * origin and the logs. Legacy analytics cookies the visitor still carries are
 * named in PURGE_HEADER for the viewer-response function, which expires them.
 */
export function handler(event: CfEvent): CfRequest {
  const request = event.request;
  const cookies = request.cookies || {};
  const kept: CfMap = {};
  let legacy = '';
  let purge = 0;
  for (const name in cookies) {
    if (has(POLICY.allow, name)) {
      kept[name] = cookies[name];
    } else if (purge < POLICY.maxPurge && isLegacy(POLICY, name)) {
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
