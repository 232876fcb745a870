import { CfEvent, CfMap, CfResponse, CfValue } from '../../cloudfront-functions/events';
import { POLICY, has, isLegacy } from './policy';
import { PURGE_HEADER } from './purge-header';
import { enforce } from './set-cookie';

/**
 * Date, read once: sandboxed runtimes can make every global lookup slow (in node:vm,
 * where the benchmark runs, each goes through the context's interceptor).
 */
const clock = Date;

const EXPIRE = 'Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; Secure; SameSite=Lax';
const EXPIRE_PARENT = EXPIRE + '; Domain=' + POLICY.parent;

/**
 * Viewer response: Set-Cookie only for allowlisted names, with the declared
 * attributes enforced; every legacy analytics cookie the visitor sent is expired
 * for this host and for the registrable domain (never Clear-Site-Data, which
 * would log visitors out of the sibling sites).
 */
export function handler(event: CfEvent): CfResponse {
  const response = event.response as CfResponse;
  const cookies = response.cookies || {};
  const now = clock.now();
  const out: CfMap = {};
  for (const name in POLICY.allow) {
    if (!has(cookies, name)) continue;
    const rule = POLICY.allow[name];
    const c = cookies[name];
    const values = c.multiValue;
    if (!values || values.length < 2) {
      out[name] = { value: c.value, attributes: enforce(c.attributes, rule, now) };
    } else {
      const rewritten = values.map((v) => ({ value: v.value, attributes: enforce(v.attributes, rule, now) }));
      out[name] = { value: rewritten[0].value, attributes: rewritten[0].attributes, multiValue: rewritten };
    }
  }
  expireLegacy(event.request, out);
  response.cookies = out;
  return response;
}

/**
 * Expires the legacy cookies the viewer sent. CloudFront's documentation describes the event's
 * request as the request received from the viewer without saying whether a
 * viewer-request function's changes show: the header written there is read when
 * present, the request's own cookies otherwise. Either way each name is checked
 * against the legacy list again, so a forged header expires nothing else.
 */
function expireLegacy(request: CfEvent['request'], out: CfMap): void {
  const header = request && request.headers && request.headers[PURGE_HEADER];
  let left = POLICY.maxPurge;
  if (header) {
    const names = header.value.split(',');
    for (let i = 0; i < names.length && left > 0; i++) if (expire(names[i], out)) left--;
  } else {
    const cookies = request && request.cookies;
    for (const name in cookies) if (left > 0 && expire(name, out)) left--;
  }
}

/** Adds the expiring Set-Cookie for a legacy name not yet in `out`; whether it did. An empty name is never legacy. */
function expire(name: string, out: CfMap): boolean {
  if (has(out, name) || !isLegacy(name)) return false;
  out[name] = expiring();
  return true;
}

function expiring(): CfValue {
  const host: CfValue = { value: '', attributes: EXPIRE };
  if (!POLICY.parent) return host;
  const parent: CfValue = { value: '', attributes: EXPIRE_PARENT };
  return { value: '', attributes: EXPIRE, multiValue: [host, parent] };
}
