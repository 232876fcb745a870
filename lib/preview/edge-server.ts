import * as http from 'http';
import * as https from 'https';
import { AddressInfo } from 'net';
import { cookieHeader, setCookieHeaders, viewerRequestEvent, viewerResponseEvent } from '../cloudfront-functions/event-shape';
import type { CfMap, CfRequest, CfResponse } from '../cloudfront-functions/event-shape';
import { originRequestHeaders } from './custom-origin';
import { applyResponseHeadersPolicy, HeaderMap } from './headers-policy';
import { Origin, OriginResponse } from './origin';
import { pathPatternMatches, responseHeadersPolicyFor, SiteEdge } from './site-edge';
import { TlsIdentity } from './tls';

export interface EdgeOptions {
  /** Serve HTTPS with this identity, as CloudFront does. @default plain HTTP */
  readonly tls?: TlsIdentity;
  /** The origin's host:port: CloudFront's Host header when the policy does not forward the viewer's. */
  readonly originHost?: string;
}

/**
 * One request through the local edge, in CloudFront's order: viewer-request
 * function; origin request policy (only its cookies reach the origin); default
 * root object; origin; custom error response; response headers policy (before
 * the viewer-response function, which sees the policy's headers); viewer-response
 * function, which CloudFront skips for status 400 and above. The origin gets
 * the headers and body a custom origin would (custom-origin.ts). Not modelled:
 * caching, compression.
 */
export async function handleAtEdge(edge: SiteEdge, origin: Origin, req: http.IncomingMessage, o: EdgeOptions = {}): Promise<OriginResponse> {
  const url = new URL(req.url ?? '/', 'http://edge');
  const body = await readBody(req);
  // "If a viewer GET request includes a body, CloudFront returns an HTTP status code 403"
  // (RequestAndResponseBehaviorCustomOrigin.html, "GET requests that include a body").
  if (req.method === 'GET' && body.length) return { status: 403, headers: new Map([['content-type', ['text/plain']]]), body: Buffer.from('GET with a body') };
  // CloudFront answers 403 to a method the matching behavior does not allow.
  const behavior = edge.allowedMethods.find((b) => pathPatternMatches(b.pathPattern, url.pathname));
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
  const viewer = {
    ip: (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
    // Every behavior of the estate redirects HTTP viewers to HTTPS, so a request CloudFront
    // forwards to the origin always came over HTTPS; the plain-HTTP loopback edge (without
    // --origin) stands in for that HTTPS edge.
    protocol: 'https' as const,
    httpVersion: req.httpVersion === '2.0' ? '2.0' : '1.1',
  };
  const headers = originRequestHeaders(edge, request, viewer, o.originHost ?? 'origin.invalid');
  let res = await origin({ method: request.method, uri, query: url.search.slice(1), cookie: cookieHeader(forwarded), headers, body });
  // A custom error page is fetched through the behavior its path matches, and only its
  // response reaches the viewer (DownloadDistValuesErrorPages.html, "Response page path").
  let servedPath = uri;
  const custom = edge.errorResponses.find((e) => e.ErrorCode === res.status);
  if (custom?.ResponsePagePath) {
    // Fetched for the viewer's request: same forwarded headers (Host included), no body.
    const { 'content-type': _type, 'content-length': _length, ...pageHeaders } = headers;
    const page = await origin({ method: 'GET', uri: custom.ResponsePagePath, query: '', headers: pageHeaders });
    res = { ...page, status: custom.ResponseCode ?? res.status };
    servedPath = custom.ResponsePagePath;
  }

  const resHeaders: HeaderMap = new Map(res.headers);
  applyResponseHeadersPolicy(responseHeadersPolicyFor(edge, servedPath), resHeaders);
  if (res.status >= 400) return { ...res, headers: resHeaders };

  const single: Record<string, string> = {};
  for (const [k, v] of resHeaders) if (k !== 'set-cookie') single[k] = v.join(', ');
  const resEvent = viewerResponseEvent({ request: clone(request), setCookies: resHeaders.get('set-cookie') ?? [], statusCode: res.status, headers: single, host });
  const out = clone(edge.functions.viewerResponse.run(resEvent)) as CfResponse;
  return { status: out.statusCode, headers: toHeaderMap(out), body: res.body };
}

/** What the local edge serves: a site's edge and the origin behind it. */
export interface EdgeTarget {
  readonly edge: SiteEdge;
  readonly origin: Origin;
}

/**
 * Serves the edge on loopback (HTTPS when given a TLS identity). `target` is read
 * for every request, so the preview can swap in a rebuilt edge without a restart.
 */
export async function listen(target: () => EdgeTarget, port = 0, o: EdgeOptions = {}): Promise<http.Server> {
  const handler: http.RequestListener = (req, res) => {
    const { edge, origin } = target();
    handleAtEdge(edge, origin, req, o).then(
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
  };
  const server = o.tls ? https.createServer({ key: o.tls.key, cert: o.tls.cert }, handler) : http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}

export function portOf(server: http.Server): number {
  return (server.address() as AddressInfo).port;
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
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
