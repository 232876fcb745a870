import * as http from 'http';
import { AddressInfo } from 'net';
import { cookieHeader, setCookieHeaders, viewerRequestEvent, viewerResponseEvent } from '../cookie-filter/event-shape';
import type { CfMap, CfRequest, CfResponse } from '../cookie-filter/event-shape';
import { applyResponseHeadersPolicy, HeaderMap } from './headers-policy';
import { Origin, OriginResponse } from './origin';
import { SiteEdge } from './site-edge';

/**
 * One request through the local edge, in CloudFront's order: viewer-request
 * function; origin request policy (only its cookies reach the origin); default
 * root object; origin; custom error response; response headers policy (before
 * the viewer-response function, which sees the policy's headers); viewer-response
 * function, which CloudFront skips for status 400 and above. Not modelled:
 * caching, compression, TLS.
 */
export async function handleAtEdge(edge: SiteEdge, origin: Origin, req: http.IncomingMessage, body?: Buffer): Promise<OriginResponse> {
  const url = new URL(req.url ?? '/', 'http://edge');
  // CloudFront answers 403 to a method the matching behavior does not allow.
  const behavior = edge.allowedMethods.find((b) => pathMatches(b.pathPattern, url.pathname));
  if (behavior && !behavior.methods.includes(req.method ?? 'GET')) {
    const headers: HeaderMap = new Map([['content-type', ['text/plain']]]);
    applyResponseHeadersPolicy(edge.responseHeadersPolicy, headers);
    return { status: 403, headers, body: Buffer.from('method not allowed by this behavior\n') };
  }
  const host = (req.headers.host ?? 'localhost').replace(/:\d+$/, '');
  const viewerHeaders: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (k !== 'cookie' && v !== undefined) viewerHeaders[k] = Array.isArray(v) ? v.join(', ') : v;
  }
  const reqEvent = viewerRequestEvent({ cookie: req.headers.cookie, headers: viewerHeaders, method: req.method, uri: url.pathname, host });
  reqEvent.request.querystring = queryMap(url.searchParams);
  const result = clone(edge.functions.viewerRequest.run(reqEvent));
  if (typeof result.statusCode === 'number') return fromFunctionResponse(result as CfResponse, edge);
  const request = result as CfRequest;

  const forwarded: CfMap = {};
  for (const name of Object.keys(request.cookies ?? {})) {
    if (edge.originCookies === 'all' || edge.originCookies.includes(name)) forwarded[name] = request.cookies[name];
  }
  const uri = request.uri === '/' && edge.defaultRootObject ? `/${edge.defaultRootObject}` : request.uri;
  let res = await origin({
    method: request.method,
    uri,
    query: url.search.slice(1),
    cookie: cookieHeader(forwarded),
    headers: originHeaders(edge, request),
    body: body?.length ? body : undefined,
  });
  const custom = edge.errorResponses.find((e) => e.ErrorCode === res.status);
  if (custom?.ResponsePagePath) {
    const page = await origin({ method: 'GET', uri: custom.ResponsePagePath, query: '' });
    res = { ...page, status: custom.ResponseCode ?? res.status };
  }

  const headers: HeaderMap = new Map(res.headers);
  applyResponseHeadersPolicy(edge.responseHeadersPolicy, headers);
  if (res.status >= 400) return { ...res, headers };

  const single: Record<string, string> = {};
  for (const [k, v] of headers) if (k !== 'set-cookie') single[k] = v.join(', ');
  const resEvent = viewerResponseEvent({ request: clone(request), setCookies: headers.get('set-cookie') ?? [], statusCode: res.status, headers: single, host });
  const out = clone(edge.functions.viewerResponse.run(resEvent)) as CfResponse;
  return { status: out.statusCode, headers: toHeaderMap(out), body: res.body };
}

/**
 * The headers the origin request policy lets through (after the viewer-request
 * function), and CloudFront-Forwarded-Proto when the policy names it: CloudFront
 * sets that header itself from the viewer connection, and every behavior
 * redirects HTTP to HTTPS, so a request that reaches the origin came over HTTPS.
 * The local edge serves plain HTTP on loopback and stands in for that HTTPS edge.
 */
function originHeaders(edge: SiteEdge, request: CfRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, v] of Object.entries(request.headers ?? {})) {
    const key = name.toLowerCase();
    if (key === 'cookie' || key.startsWith('cloudfront-')) continue;
    if (edge.originHeaders === 'all' || edge.originHeaders.includes(key)) out[key] = v.value;
  }
  if (edge.originHeaders !== 'all' && edge.originHeaders.includes('cloudfront-forwarded-proto')) out['cloudfront-forwarded-proto'] = 'https';
  return out;
}

/** CloudFront path patterns: `*` any characters, `?` one; case-sensitive; the whole path. */
function pathMatches(pattern: string, path: string): boolean {
  const re = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${re}$`).test(path);
}

/** Serves the edge on loopback. */
export async function listen(edge: SiteEdge, origin: Origin, port = 0): Promise<http.Server> {
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    handleAtEdge(edge, origin, req, Buffer.concat(chunks)).then(
      (r) => {
        const headers: http.OutgoingHttpHeaders = {};
        for (const [k, v] of r.headers) headers[k] = k === 'set-cookie' ? v : v.join(', ');
        res.writeHead(r.status, headers);
        res.end(req.method === 'HEAD' ? undefined : r.body);
      },
      (e: Error) => {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`local edge error: ${e.message}\n`);
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}

export function portOf(server: http.Server): number {
  return (server.address() as AddressInfo).port;
}

function fromFunctionResponse(r: CfResponse, edge: SiteEdge): OriginResponse {
  const headers = toHeaderMap(r);
  applyResponseHeadersPolicy(edge.responseHeadersPolicy, headers);
  return { status: r.statusCode, headers, body: Buffer.from('') };
}

function toHeaderMap(r: CfResponse): HeaderMap {
  const headers: HeaderMap = new Map();
  for (const [k, v] of Object.entries(r.headers ?? {})) {
    headers.set(k.toLowerCase(), v.multiValue?.length ? v.multiValue.map((m) => m.value) : [v.value]);
  }
  const cookies = setCookieHeaders(r.cookies);
  if (cookies.length) headers.set('set-cookie', cookies);
  else headers.delete('set-cookie');
  return headers;
}

function queryMap(params: URLSearchParams): CfMap {
  const out: CfMap = {};
  for (const [k, v] of params) {
    if (out[k]) (out[k].multiValue ??= [{ value: out[k].value }]).push({ value: v });
    else out[k] = { value: v };
  }
  return out;
}

/** CloudFront hands a function's result on as JSON: nothing but data survives. */
function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v));
}
