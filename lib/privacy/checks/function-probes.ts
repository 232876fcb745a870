import { CfnResource } from 'aws-cdk-lib';
import { loadFunction, LoadedFunction } from '../../cloudfront-functions/harness';
import { parseCookieHeader, setCookieHeaders, viewerRequestEvent, viewerResponseEvent } from '../../cloudfront-functions/event-shape';
import { legacyAnalyticsCookies } from '../tracking-cookies';
import { undecidable } from '../rule';
import { literal, props } from '../template/resolve';

/**
 * Known tracking cookie names: the vendor-documented list the estate's cookie
 * filter expires (lib/privacy/tracking-cookies.ts, one source URL per entry).
 * npm has no maintained cookie-name dataset (the Open Cookie Database is not
 * published there), so the pack reuses this list rather than a second one.
 */
const TRACKING = legacyAnalyticsCookies();
export function isTrackingCookie(name: string): boolean {
  return TRACKING.exact.includes(name) || TRACKING.prefixes.some((p) => name.startsWith(p));
}

/** Cookie names a probe offers that no site declares: one neutral, the rest trackers'. */
const UNDECLARED_PROBES = ['privacy_probe', '_ga', '_fbp', '_hjSessionUser_1'];

/** What a function did with the probes: cookie names it passed or set that it should not have. */
export interface ProbeResult {
  readonly passed: string[];
  readonly set: string[];
}

// Loading compiles the code in a fresh vm context: once per distinct code per process.
const loaded = new Map<string, LoadedFunction>();

/** The CloudFront Function's code, loaded in the harness; undecidable when it is not a literal this harness can run. */
export function loadCloudFrontFunction(fn: CfnResource): LoadedFunction {
  const code = literal(fn, 'FunctionCode', props(fn).FunctionCode);
  if (typeof code !== 'string') return undecidable(fn, 'FunctionCode', props(fn).FunctionCode);
  let f = loaded.get(code);
  if (!f) {
    try {
      f = loadFunction(code, `${fn.node.path}.js`);
    } catch (e) {
      return undecidable(fn, `FunctionCode (does not load in the cloudfront-js harness: ${(e as Error).message})`, code.slice(0, 80));
    }
    loaded.set(code, f);
  }
  return f;
}

/** A Set-Cookie that expires the cookie (Max-Age ≤ 0 or an Expires in the past) deletes it rather than setting it. */
function isDeletion(line: string): boolean {
  const maxAge = /;\s*max-age\s*=\s*(-?\d+)/i.exec(line);
  if (maxAge) return Number(maxAge[1]) <= 0;
  const expires = /;\s*expires\s*=\s*([^;]+)/i.exec(line);
  return expires !== null && Date.parse(expires[1]) < Date.now();
}

const names = (lines: string[]) => lines.filter((l) => !isDeletion(l)).map((l) => l.slice(0, l.indexOf('=')).trim());

function run(f: LoadedFunction, fn: CfnResource, event: any): any {
  try {
    return JSON.parse(JSON.stringify(f.run(event)));
  } catch (e) {
    return undecidable(fn, `FunctionCode (threw on a probe event: ${(e as Error).message})`, 'probe');
  }
}

/**
 * Runs a viewer-request function on a request carrying the declared cookies and
 * undeclared probes (and on one carrying none). Reports cookies it passes on
 * that the allowlist does not declare, and cookies it adds to the request or
 * sets in a response it returns itself.
 */
export function probeViewerRequest(fn: CfnResource, declared: readonly string[]): ProbeResult {
  const f = loadCloudFrontFunction(fn);
  const offered = [...declared, ...UNDECLARED_PROBES];
  const result: ProbeResult = { passed: [], set: [] };
  for (const cookie of [offered.map((n) => `${n}=probe`).join('; '), '']) {
    const out = run(f, fn, viewerRequestEvent({ cookie }));
    const sent = Object.keys(parseCookieHeader(cookie));
    if (out && typeof out.statusCode === 'number') {
      result.set.push(...names(setCookieHeaders(out.cookies)));
      continue;
    }
    const kept = Object.keys(out?.cookies ?? {});
    result.passed.push(...kept.filter((n) => sent.includes(n)));
    result.set.push(...kept.filter((n) => !sent.includes(n)));
  }
  return result;
}

/**
 * Runs a viewer-response function on an origin response setting the declared
 * cookies and undeclared probes (and on one setting none). Reports the cookies
 * the browser would be told to keep: passed from the origin or set by the function.
 * Deletions (an expired Set-Cookie) are neither.
 */
export function probeViewerResponse(fn: CfnResource, declared: readonly string[]): ProbeResult {
  const f = loadCloudFrontFunction(fn);
  const offered = [...declared, ...UNDECLARED_PROBES];
  const result: ProbeResult = { passed: [], set: [] };
  for (const origin of [offered.map((n) => `${n}=probe; Path=/; Secure`), []]) {
    const out = run(f, fn, viewerResponseEvent({ cookie: offered.map((n) => `${n}=probe`).join('; '), setCookies: origin }));
    const fromOrigin = origin.map((l) => l.slice(0, l.indexOf('=')));
    for (const n of names(setCookieHeaders(out?.cookies))) (fromOrigin.includes(n) ? result.passed : result.set).push(n);
  }
  return result;
}
