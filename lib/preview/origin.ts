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
  /**
   * Other headers the origin receives, lowercase: the viewer headers the origin request
   * policy allows, and the CloudFront-* headers it adds when the policy names them.
   */
  readonly headers?: Readonly<Record<string, string>>;
  /** The request body (POST, PUT, PATCH). */
  readonly body?: Buffer;
}

export interface OriginResponse {
  readonly status: number;
  /** Lowercase header names; Set-Cookie holds one entry per header line. */
  readonly headers: HeaderMap;
  readonly body: Buffer;
}

export type Origin = (request: OriginRequest) => Promise<OriginResponse>;
