import { randomBytes } from 'crypto';
import * as http from 'http';
import type { CfRequest } from '../cloudfront-functions/event-shape';
import { HeaderMap } from './headers-policy';
import { Origin } from './origin';
import { SiteEdge } from './site-edge';

/*
 * What CloudFront sends a custom origin, modelled from "Request and response
 * behavior for custom origins", section "HTTP request headers and CloudFront
 * behavior" (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/RequestAndResponseBehaviorCustomOrigin.html)
 * and "Origin request policy settings" (HeaderBehavior `whitelist`: "only the HTTP
 * headers that are listed ... are included in requests that CloudFront sends to the
 * origin", https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_OriginRequestPolicyHeadersConfig.html).
 * The model is at least as strict as CloudFront: a viewer header reaches the origin
 * only when the policy lists it or the table says CloudFront always forwards it.
 */

/** The viewer's connection to the edge, which CloudFront turns into headers of its own. */
export interface ViewerConnection {
  readonly ip: string;
  readonly protocol: 'http' | 'https';
  /** `1.1` or `2.0`: CloudFront's Via names the viewer's HTTP version. */
  readonly httpVersion: string;
}

/**
 * Headers the table lists as forwarded whatever the policy says: the body's framing
 * ("Content-Length", "Content-Type": "CloudFront forwards the header to your origin").
 * Conditional and range headers are forwarded too by CloudFront but not modelled:
 * leaving them out is stricter.
 */
const ALWAYS_FORWARDED = ['content-type', 'content-length'];

/** Headers CloudFront generates itself; a viewer's value is never passed on. */
const GENERATED_BY_CLOUDFRONT = /^cloudfront-/;

/**
 * The header set CloudFront sends the origin for one request (lowercase names,
 * the Cookie header excepted: the edge builds it from the policy's cookie list).
 * `request` is the viewer-request function's output: headers a function adds are
 * subject to the origin request policy like the viewer's own.
 */
export function originRequestHeaders(edge: SiteEdge, request: CfRequest, viewer: ViewerConnection, originHost: string): Record<string, string> {
  const out: Record<string, string> = {};
  const listed = (name: string) => edge.originHeaders === 'all' || edge.originHeaders.includes(name);
  for (const [rawName, entry] of Object.entries(request.headers ?? {})) {
    const name = rawName.toLowerCase();
    if (name === 'cookie' || GENERATED_BY_CLOUDFRONT.test(name)) continue;
    if (!listed(name) && !ALWAYS_FORWARDED.includes(name)) continue;
    const values = entry.multiValue?.length ? entry.multiValue.map((m) => m.value) : [entry.value];
    out[name] = values.join(', ');
  }
  for (const name of edge.originHeaders === 'all' ? [] : edge.originHeaders) {
    if (!GENERATED_BY_CLOUDFRONT.test(name)) continue;
    // "CloudFront-Forwarded-Proto: CloudFront does not add the header" unless the policy lists it;
    // then it carries the viewer's protocol, whatever the viewer sent.
    if (name === 'cloudfront-forwarded-proto') out[name] = viewer.protocol;
    else throw new Error(`origin request policy lists ${name}, which the local edge does not model; add it to lib/preview/custom-origin.ts`);
  }
  // "Host: CloudFront sets the value to the domain name of the origin" unless forwarded.
  if (!listed('host')) out.host = originHost;
  // "If the request from the viewer includes a User-Agent header, CloudFront removes it" and sends its own.
  if (!listed('user-agent')) out['user-agent'] = 'Amazon CloudFront';
  // "CloudFront gets the IP address of the viewer from the TCP connection, appends it to the end of
  // the X-Forwarded-For header" (or adds one).
  const xff = request.headers?.['x-forwarded-for']?.value;
  out['x-forwarded-for'] = xff ? `${xff}, ${viewer.ip}` : viewer.ip;
  out.via = `${viewer.httpVersion} ${randomBytes(16).toString('hex')}.cloudfront.net (CloudFront)`;
  // "X-Amz-Cf-Id: CloudFront adds the header ... an encrypted string that uniquely identifies the request".
  out['x-amz-cf-id'] = randomBytes(42).toString('base64url');
  // "X-Forwarded-Proto: CloudFront removes the header"; Connection is replaced.
  delete out['x-forwarded-proto'];
  out.connection = 'keep-alive';
  return out;
}

/** Response headers that belong to one hop; CloudFront does not pass the origin's on. */
const HOP_BY_HOP = ['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-authenticate', 'trailer', 'te'];

/**
 * Any running HTTP app as the origin: CloudFront reaches it over plain HTTP (as it
 * reaches the Appman load balancer through the VPC origin, HTTP_ONLY).
 */
export function customOrigin(originUrl: string): { origin: Origin; host: string } {
  const base = new URL(originUrl);
  if (base.protocol !== 'http:') throw new Error(`--origin ${originUrl}: give an http:// URL (the edge reaches the origin over HTTP, as CloudFront reaches the Appman load balancer).`);
  if (base.pathname !== '/' || base.search) throw new Error(`--origin ${originUrl}: give only scheme, host and port (e.g. http://127.0.0.1:8000).`);
  const origin: Origin = (r) =>
    new Promise((resolve, reject) => {
      const headers: http.OutgoingHttpHeaders = { ...(r.headers ?? {}) };
      if (r.cookie) headers.cookie = r.cookie;
      if (r.body?.length) headers['content-length'] = String(r.body.length);
      else delete headers['content-length'];
      const req = http.request(
        { host: base.hostname, port: base.port || 80, method: r.method, path: r.uri + (r.query ? `?${r.query}` : ''), headers, agent: false },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: responseHeaders(res), body: Buffer.concat(chunks) }));
        },
      );
      req.on('error', (e) => reject(new Error(`origin ${originUrl}: ${e.message}`)));
      req.end(r.body?.length ? r.body : undefined);
    });
  return { origin, host: base.host };
}

function responseHeaders(res: http.IncomingMessage): HeaderMap {
  const headers: HeaderMap = new Map();
  for (let i = 0; i < res.rawHeaders.length; i += 2) {
    const name = res.rawHeaders[i].toLowerCase();
    if (HOP_BY_HOP.includes(name) || name === 'content-length') continue;
    headers.set(name, [...(headers.get(name) ?? []), res.rawHeaders[i + 1]]);
  }
  return headers;
}
