import * as http from 'http';
import * as https from 'https';
import { LookupFunction } from 'net';
import * as dns from 'dns';
import { LinkCheck } from './types';

export interface LinkCheckOptions {
  /** Accept any certificate (a local preview's self-signed one). @default false */
  readonly ignoreHTTPSErrors?: boolean;
  /** @default 10000 */
  readonly timeoutMs?: number;
  /** @default 10 */
  readonly maxRedirects?: number;
}

const USER_AGENT = 'privacy-estate-evidence (link check)';

/**
 * `localhost` and every `*.localhost` name resolve to loopback, as in Chromium
 * (RFC 6761 §6.3: "Users are free to use localhost names as they would any other
 * domain names" and name resolution APIs return loopback for them); glibc's
 * resolver does not do this by itself, so links on a preview would not resolve.
 * Other names go to the system resolver.
 */
const lookup: LookupFunction = (hostname, options, callback) => {
  if (hostname === 'localhost' || hostname.endsWith('.localhost')) {
    if ((options as dns.LookupAllOptions).all) (callback as any)(null, [{ address: '127.0.0.1', family: 4 }]);
    else (callback as any)(null, '127.0.0.1', 4);
    return;
  }
  dns.lookup(hostname, options as dns.LookupOptions, callback as any);
};

interface Answer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
}

/**
 * Checks one same-host link: HEAD, or GET when the server refuses HEAD (405,
 * 501), following redirects while they stay on the link's host (the collector
 * contacts no other host). The body is never read.
 */
export async function checkLink(url: string, o: LinkCheckOptions = {}): Promise<LinkCheck> {
  const maxRedirects = o.maxRedirects ?? 10;
  const start = new URL(url);
  let current = start;
  let method: 'HEAD' | 'GET' = 'HEAD';
  for (let redirects = 0; ; redirects++) {
    let answer: Answer;
    try {
      answer = await request(current, 'HEAD', o);
      method = 'HEAD';
      if (answer.status === 405 || answer.status === 501) {
        answer = await request(current, 'GET', o);
        method = 'GET';
      }
    } catch (e) {
      return result(method, null, current, redirects, {}, (e as Error).message);
    }
    const location = answer.headers.location;
    if (answer.status >= 300 && answer.status < 400 && location) {
      const next = new URL(location, current);
      if (next.host !== start.host || !/^https?:$/.test(next.protocol)) {
        // A redirect off the site is the site's answer; where it leads is not checked.
        return result(method, answer.status, next, redirects + 1, answer.headers);
      }
      if (redirects + 1 > maxRedirects) return result(method, answer.status, next, redirects + 1, answer.headers, `more than ${maxRedirects} redirects`);
      current = next;
      continue;
    }
    return result(method, answer.status, current, redirects, answer.headers);
  }
}

function result(method: 'HEAD' | 'GET', status: number | null, at: URL, redirects: number, headers: http.IncomingHttpHeaders, error?: string): LinkCheck {
  const contentType = String(headers['content-type'] ?? '');
  const disposition = String(headers['content-disposition'] ?? '');
  const redirected = status !== null && status >= 300 && status < 400;
  const kind: LinkCheck['kind'] =
    status === null || redirected ? 'unknown' : /^\s*attachment/i.test(disposition) ? 'download' : /^(text\/html|application\/xhtml\+xml)/i.test(contentType) ? 'page' : contentType ? 'file' : 'unknown';
  return {
    method,
    status,
    finalUrl: at.href,
    redirects,
    kind,
    contentType,
    ...(error ? { error } : {}),
    broken: error !== undefined || status === null || status >= 400,
  };
}

function request(url: URL, method: 'HEAD' | 'GET', o: LinkCheckOptions): Promise<Answer> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method,
        lookup,
        headers: { 'user-agent': USER_AGENT, accept: 'text/html,*/*;q=0.8' },
        rejectUnauthorized: !o.ignoreHTTPSErrors,
        timeout: o.timeoutMs ?? 10000,
      },
      (res) => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers });
        // Only the status line and headers matter; a GET's body is not downloaded.
        res.destroy();
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${o.timeoutMs ?? 10000} ms`)));
    req.on('error', reject);
    req.end();
  });
}
