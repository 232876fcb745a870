import { HeaderMap } from './headers-policy';

/** What the edge sends on to an origin. */
export interface OriginRequest {
  readonly method: string;
  /** Path, URL-encoded as received. */
  readonly uri: string;
  /** Raw query string without `?`, or ''. */
  readonly query: string;
  /** The Cookie header after the cookie filter and the origin request policy; undefined when none. */
  readonly cookie?: string;
  /** Every other header the edge sends, lowercase names (custom origins only; see custom-origin.ts). */
  readonly headers?: Record<string, string>;
  /** The viewer's request body, passed on unchanged. */
  readonly body?: Buffer;
}

export interface OriginResponse {
  readonly status: number;
  /** Lowercase header names; Set-Cookie holds one entry per header line. */
  readonly headers: HeaderMap;
  readonly body: Buffer;
}

export type Origin = (request: OriginRequest) => Promise<OriginResponse>;
