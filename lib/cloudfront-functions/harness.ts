import * as vm from 'node:vm';
import type { CfEvent, CfMap, CfRequest, CfResponse } from './event-shape';
import { cookieHeader, setCookieHeaders, viewerRequestEvent, viewerResponseEvent } from './event-shape';

/**
 * Runs CloudFront Functions code exactly as shipped (the FunctionCode string of
 * the synthesized template) in a fresh `node:vm` context: no `require`, no
 * `console`, no `process`, strict mode, as in the cloudfront-js-2.0 runtime.
 * It checks behaviour, not CloudFront's compute budget (see the benchmark).
 *
 * API (also used by the local preview server and the browser tests):
 *   loadFunction(code) → { run(event) }                      one function
 *   cookieFiltersInTemplate(template) → CookieFilterPair[]   every distribution's pair, from the template JSON
 *   edgeRoundTrip(pair, { cookie, setCookies })              browser Cookie header in → what the origin gets,
 *                                                            origin Set-Cookie in → what the browser gets
 * Events are built with viewerRequestEvent / viewerResponseEvent (./event-shape).
 */

export interface LoadedFunction {
  /** The code as shipped. */
  readonly code: string;
  /** Calls the function's `handler` with the event, as CloudFront does. */
  run(event: CfEvent): any;
}

export function loadFunction(code: string, filename = 'cloudfront-function.js'): LoadedFunction {
  const context = vm.createContext({});
  // CloudFront runs every function in strict mode whatever its source says.
  new vm.Script(`'use strict';\n${code}`, { filename }).runInContext(context, { timeout: 1000 });
  const handler = (context as { handler?: unknown }).handler;
  if (typeof handler !== 'function') throw new Error(`${filename}: the code defines no top-level function handler(event)`);
  return { code, run: (event) => (handler as (e: CfEvent) => unknown)(event) };
}

export interface CookieFilterPair {
  /** Logical id of the distribution in the template. */
  readonly distribution: string;
  readonly viewerRequest: LoadedFunction & { readonly name: string };
  readonly viewerResponse: LoadedFunction & { readonly name: string };
}

/**
 * The viewer-request and viewer-response functions of the default behavior of
 * every CloudFront distribution in a synthesized template (the JSON of
 * `Template.fromStack(stack).toJSON()` or a file in cdk.out).
 */
export function cookieFiltersInTemplate(template: { Resources?: Record<string, any> }): CookieFilterPair[] {
  const resources = template.Resources ?? {};
  const pairs: CookieFilterPair[] = [];
  for (const [id, r] of Object.entries(resources)) {
    if (r.Type !== 'AWS::CloudFront::Distribution') continue;
    const assoc: any[] = r.Properties?.DistributionConfig?.DefaultCacheBehavior?.FunctionAssociations ?? [];
    const fn = (eventType: string) => {
      const a = assoc.find((x) => x.EventType === eventType);
      const logicalId = a?.FunctionARN?.['Fn::GetAtt']?.[0];
      const f = logicalId && resources[logicalId];
      if (!f || f.Type !== 'AWS::CloudFront::Function') throw new Error(`distribution ${id}: no ${eventType} function in this template`);
      return { name: f.Properties.Name as string, ...loadFunction(f.Properties.FunctionCode, `${logicalId}.js`) };
    };
    pairs.push({ distribution: id, viewerRequest: fn('viewer-request'), viewerResponse: fn('viewer-response') });
  }
  return pairs;
}

export interface RoundTripOptions {
  /** The `Cookie` header the browser sends. */
  readonly cookie?: string;
  /** The `Set-Cookie` values the origin (or cache) returns. */
  readonly setCookies?: readonly string[];
  readonly uri?: string;
  readonly host?: string;
  /** @default 200. From 400 on CloudFront skips viewer-response functions; so does this. */
  readonly statusCode?: number;
  /**
   * Which request the viewer-response event carries: the one the viewer-request
   * function returned, or the one the viewer sent. @default 'modified'
   */
  readonly responseSees?: 'modified' | 'original';
}

export interface RoundTrip {
  /** The request as CloudFront continues with it (cache key, origin). */
  readonly request: CfRequest;
  /** The `Cookie` header the origin receives, if any. */
  readonly originCookie: string | undefined;
  readonly response: CfResponse;
  /** The `Set-Cookie` values the browser receives. */
  readonly setCookies: string[];
}

/** One request through the edge: viewer request, origin, viewer response. */
export function edgeRoundTrip(pair: Pick<CookieFilterPair, 'viewerRequest' | 'viewerResponse'>, o: RoundTripOptions = {}): RoundTrip {
  const reqEvent = viewerRequestEvent({ cookie: o.cookie, uri: o.uri, host: o.host });
  const original: CfRequest = clone(reqEvent.request);
  const request: CfRequest = clone(pair.viewerRequest.run(reqEvent));
  const resEvent = viewerResponseEvent({
    request: o.responseSees === 'original' ? original : clone(request),
    setCookies: o.setCookies,
    statusCode: o.statusCode,
    host: o.host,
  });
  const response: CfResponse = (o.statusCode ?? 200) >= 400 ? resEvent.response! : clone(pair.viewerResponse.run(resEvent));
  return { request, originCookie: cookieHeader(request.cookies as CfMap), response, setCookies: setCookieHeaders(response.cookies) };
}

/** CloudFront hands a function's result back as JSON: nothing but data survives. */
function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v));
}
