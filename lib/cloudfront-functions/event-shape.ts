import type { CfEvent, CfMap, CfRequest } from './events';

export type { CfEvent, CfMap, CfRequest, CfResponse, CfValue } from './events';

/**
 * Builds CloudFront Functions events (version 1.0) the way CloudFront documents
 * them: lowercase header names, `Cookie` parsed into `request.cookies`,
 * `Set-Cookie` parsed into `response.cookies` (`value`, `attributes`, and
 * `multiValue` holding every value when a name repeats).
 */

/** `a=1; b=2` → request.cookies. A name that repeats keeps all its values in `multiValue`. */
export function parseCookieHeader(header: string): CfMap {
  const cookies: CfMap = {};
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    const name = (eq < 0 ? '' : pair.slice(0, eq)).trim();
    if (!name) continue;
    add(cookies, name, { value: pair.slice(eq + 1).trim() });
  }
  return cookies;
}

/** `Set-Cookie` header values → response.cookies. */
export function parseSetCookies(lines: readonly string[]): CfMap {
  const cookies: CfMap = {};
  for (const line of lines) {
    const semi = line.indexOf(';');
    const pair = semi < 0 ? line : line.slice(0, semi);
    const eq = pair.indexOf('=');
    const name = (eq < 0 ? '' : pair.slice(0, eq)).trim();
    if (!name) continue;
    add(cookies, name, { value: pair.slice(eq + 1).trim(), attributes: semi < 0 ? '' : line.slice(semi + 1).trim() });
  }
  return cookies;
}

function add(map: CfMap, name: string, v: { value: string; attributes?: string }): void {
  if (!Object.prototype.hasOwnProperty.call(map, name)) {
    Object.defineProperty(map, name, { value: { ...v }, enumerable: true, writable: true, configurable: true });
    return;
  }
  const first = map[name];
  first.multiValue = first.multiValue ?? [{ value: first.value, attributes: first.attributes }];
  first.multiValue.push({ ...v });
}

/** Every value of a cookie entry: `multiValue` when present, else the entry itself. */
export function values(entry: { value: string; attributes?: string; multiValue?: { value: string; attributes?: string }[] }) {
  return entry.multiValue && entry.multiValue.length ? entry.multiValue : [entry];
}

/** request.cookies → the `Cookie` header CloudFront sends on (undefined when empty). */
export function cookieHeader(cookies: CfMap | undefined): string | undefined {
  const pairs = Object.keys(cookies ?? {}).flatMap((name) => values(cookies![name]).map((v) => `${name}=${v.value}`));
  return pairs.length ? pairs.join('; ') : undefined;
}

/** response.cookies → the `Set-Cookie` header values CloudFront sends to the viewer. */
export function setCookieHeaders(cookies: CfMap | undefined): string[] {
  return Object.keys(cookies ?? {}).flatMap((name) =>
    values(cookies![name]).map((v) => `${name}=${v.value}${v.attributes ? `; ${v.attributes}` : ''}`),
  );
}

export interface RequestOptions {
  /** The `Cookie` header as a browser sends it, or already parsed. */
  readonly cookie?: string | CfMap;
  /** Other request headers (any case; stored lowercase). */
  readonly headers?: Record<string, string>;
  /** @default 'GET' */
  readonly method?: string;
  /** @default '/' */
  readonly uri?: string;
  /** @default 'd111111abcdef8.cloudfront.net' */
  readonly host?: string;
}

export function viewerRequestEvent(o: RequestOptions = {}): CfEvent {
  return { ...envelope('viewer-request', o.host), request: request(o) };
}

export interface ResponseOptions {
  /** The request as the viewer-response event carries it. @default a GET of / with `cookie` */
  readonly request?: CfRequest;
  /** The viewer's `Cookie` header, when `request` is not given. */
  readonly cookie?: string | CfMap;
  /** `Set-Cookie` header values from the origin or cache. */
  readonly setCookies?: readonly string[];
  /** @default 200 */
  readonly statusCode?: number;
  readonly headers?: Record<string, string>;
  readonly host?: string;
}

export function viewerResponseEvent(o: ResponseOptions = {}): CfEvent {
  const req = o.request ?? request({ cookie: o.cookie, host: o.host });
  return {
    ...envelope('viewer-response', o.host),
    request: req,
    response: {
      statusCode: o.statusCode ?? 200,
      statusDescription: 'OK',
      headers: lowerHeaders(o.headers ?? {}),
      cookies: parseSetCookies(o.setCookies ?? []),
    },
  };
}

function request(o: RequestOptions): CfRequest {
  const host = o.host ?? 'd111111abcdef8.cloudfront.net';
  return {
    method: o.method ?? 'GET',
    uri: o.uri ?? '/',
    querystring: {},
    headers: { host: { value: host }, ...lowerHeaders(o.headers ?? {}) },
    cookies: typeof o.cookie === 'string' ? parseCookieHeader(o.cookie) : { ...(o.cookie ?? {}) },
  };
}

function envelope(eventType: string, host = 'd111111abcdef8.cloudfront.net') {
  return {
    version: '1.0',
    context: { distributionDomainName: host, distributionId: 'EDFDVBD6EXAMPLE', eventType, requestId: 'example-request-id' },
    viewer: { ip: '192.0.2.1' },
  };
}

function lowerHeaders(h: Record<string, string>): CfMap {
  const out: CfMap = {};
  for (const [k, v] of Object.entries(h)) out[k.toLowerCase()] = { value: v };
  return out;
}
