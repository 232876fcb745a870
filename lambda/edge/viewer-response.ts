import { CfEvent, CfMap, CfResponse, CfValue } from './events';
import { POLICY, has, isLegacy } from './policy';
import { PURGE_HEADER } from './purge-header';
import { enforce } from './set-cookie';

const EXPIRE = 'Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; Secure; SameSite=Lax';

/**
 * Viewer response: Set-Cookie only for allowlisted names, with the declared
 * attributes enforced; every legacy analytics cookie the visitor sent is expired
 * for this host and for the registrable domain (never Clear-Site-Data, which
 * would log visitors out of the sibling sites).
 */
export function handler(event: CfEvent): CfResponse {
  const response = event.response as CfResponse;
  const cookies = response.cookies || {};
  const now = Date.now();
  const out: CfMap = {};
  for (const name in cookies) {
    if (!has(POLICY.allow, name)) continue;
    const rule = POLICY.allow[name];
    const c = cookies[name];
    const values = c.multiValue && c.multiValue.length ? c.multiValue : [c];
    const rewritten: CfValue[] = [];
    for (let i = 0; i < values.length; i++) {
      rewritten.push({ value: values[i].value, attributes: enforce(values[i].attributes, rule, now) });
    }
    out[name] = rewritten.length > 1 ? { value: rewritten[0].value, attributes: rewritten[0].attributes, multiValue: rewritten } : rewritten[0];
  }
  const legacy = legacyNames(event);
  for (let i = 0; i < legacy.length; i++) out[legacy[i]] = expiring();
  response.cookies = out;
  return response;
}

/**
 * The legacy cookies to expire. CloudFront's documentation describes the event's
 * request as the request received from the viewer without saying whether a
 * viewer-request function's changes show: the header written there is read when
 * present, the request's own cookies otherwise. Either way each name is checked
 * against the legacy list again, so a forged header expires nothing else.
 */
function legacyNames(event: CfEvent): string[] {
  const request = event.request;
  const header = request && request.headers && request.headers[PURGE_HEADER];
  const candidates = header ? header.value.split(',') : cookieNames(request && request.cookies);
  const names: string[] = [];
  for (let i = 0; i < candidates.length && names.length < POLICY.maxPurge; i++) {
    const name = candidates[i];
    if (name && isLegacy(POLICY, name) && names.indexOf(name) < 0) names.push(name);
  }
  return names;
}

function cookieNames(cookies: CfMap | undefined): string[] {
  const names: string[] = [];
  for (const name in cookies || {}) names.push(name);
  return names;
}

function expiring(): CfValue {
  const host: CfValue = { value: '', attributes: EXPIRE };
  if (!POLICY.parent) return host;
  const parent: CfValue = { value: '', attributes: EXPIRE + '; Domain=' + POLICY.parent };
  return { value: '', attributes: EXPIRE, multiValue: [host, parent] };
}
