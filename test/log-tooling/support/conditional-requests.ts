import { Agent, IncomingMessage, request } from 'http';

/**
 * S3's conditional requests, which s3rver does not implement (it ignores
 * `If-Match` on every request), modelled in front of it. What is modelled, from
 * the S3 User Guide "Conditional requests"
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/conditional-requests.html),
 * "How to prevent object overwrites with conditional writes"
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/conditional-writes.html),
 * "How to prevent object deletion with conditional deletes"
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/conditional-deletes.html)
 * and the API reference of each operation:
 *
 * - PutObject, CopyObject (destination) and CompleteMultipartUpload:
 *   `If-None-Match: *` → 412 PreconditionFailed if the key exists;
 *   `If-Match: <etag>` → 404 NoSuchKey if the key does not exist, 412 if its ETag differs.
 * - DeleteObject: `If-Match: <etag>` (or `*`, "any ETag") → 404 NoSuchKey if the key does
 *   not exist, 412 if its ETag differs.
 * - GetObject / HeadObject: `If-Match` → 412 if the ETag differs (404 if missing).
 * - CopyObject: `x-amz-copy-source-if-match` → 412 if the source's ETag differs.
 *
 * Stricter than S3, so that code passing here relies on nothing S3 does not promise:
 * - ETags are compared as exact strings, quotes included (S3 also accepts them unquoted);
 * - `If-None-Match` with any value but `*` on a write, `If-Match: *` on a write, both
 *   headers on one write, `If-None-Match` on DeleteObject, and a conditional header on
 *   CreateMultipartUpload or UploadPart (which "don't accept conditional headers",
 *   conditional-writes-enforce.html) are answered 501 NotImplemented;
 * - every request on one key is serialised (evaluated and executed as one step, in
 *   arrival order): S3 is strongly consistent per key, and where two conditional writes
 *   race it answers one of them 409 ConditionalRequestConflict; here the later one sees
 *   the earlier one's result and gets 412. Callers treat 409 and 412 alike.
 * Not modelled: the time- and size-based conditions (x-amz-if-match-last-modified-time,
 * x-amz-if-match-size), versioned buckets, directory buckets.
 */

export interface Refusal {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

type Kind = 'put' | 'copy' | 'complete' | 'delete' | 'read' | 'multipart-part' | 'other';

function kindOf(method: string, url: URL, headers: IncomingMessage['headers']): Kind {
  const q = url.searchParams;
  // The SDK adds `x-id=<Operation>` to some requests; it selects nothing on S3's side.
  const params = [...q.keys()].filter((k) => k !== 'x-id');
  const onObject = url.pathname.split('/').filter(Boolean).length >= 2;
  if (!onObject) return 'other';
  if (method === 'PUT' && q.has('partNumber')) return 'multipart-part';
  if (method === 'POST' && q.has('uploads')) return 'multipart-part';
  if (method === 'POST' && q.has('uploadId')) return 'complete';
  if (method === 'DELETE' && q.has('uploadId')) return 'other'; // AbortMultipartUpload
  if (method === 'PUT' && params.length === 0) return headers['x-amz-copy-source'] ? 'copy' : 'put';
  if (method === 'DELETE' && params.length === 0) return 'delete';
  if ((method === 'GET' || method === 'HEAD') && params.length === 0) return 'read';
  return 'other';
}

const refuse = (status: number, code: string, message: string): Refusal => ({ status, code, message });
const PRECONDITION = refuse(412, 'PreconditionFailed', 'At least one of the pre-conditions you specified did not hold');
const NO_SUCH_KEY = refuse(404, 'NoSuchKey', 'The specified key does not exist.');
const notImplemented = (what: string) => refuse(501, 'NotImplemented', `A header you provided implies functionality that is not implemented: ${what}`);

export class ConditionalRequests {
  private readonly queues = new Map<string, Promise<void>>();

  constructor(
    private readonly backendPort: number,
    private readonly agent: Agent,
  ) {}

  /**
   * Runs `forward` for the request once its conditions hold, with every other
   * request on the same key(s) waiting; or answers `reject` with S3's error.
   * `forward` resolves when the response to the client has ended.
   */
  public async handle(req: IncomingMessage, forward: () => Promise<void>, reject: (r: Refusal) => void): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://loopback');
    const kind = kindOf(req.method ?? 'GET', url, req.headers);
    const ownKey = decodeURIComponent(url.pathname);
    const source = kind === 'copy' ? '/' + decodeURIComponent(String(req.headers['x-amz-copy-source'])).replace(/^\//, '').split('?')[0] : undefined;
    const keys = kind === 'other' ? [] : [...new Set([ownKey, ...(source ? [source] : [])])].sort();
    const release = await this.lock(keys);
    try {
      const refusal = await this.evaluate(kind, ownKey, source, req.headers);
      if (refusal) {
        req.resume();
        reject(refusal);
        return;
      }
      await forward();
    } finally {
      release();
    }
  }

  private async evaluate(kind: Kind, key: string, source: string | undefined, h: IncomingMessage['headers']): Promise<Refusal | undefined> {
    const ifMatch = h['if-match'];
    const ifNoneMatch = h['if-none-match'];
    if (kind === 'multipart-part' || kind === 'other') {
      return ifMatch || ifNoneMatch ? notImplemented('conditional header on an operation that takes none') : undefined;
    }
    if (kind === 'read') {
      if (!ifMatch) return undefined; // If-None-Match on reads: s3rver answers 304 itself
      const etag = await this.etagOf(key);
      if (etag === undefined) return NO_SUCH_KEY;
      return etag === ifMatch ? undefined : PRECONDITION;
    }
    if (kind === 'delete') {
      if (ifNoneMatch) return notImplemented('If-None-Match on DeleteObject');
      if (!ifMatch) return undefined;
      const etag = await this.etagOf(key);
      if (etag === undefined) return NO_SUCH_KEY;
      return ifMatch === '*' || etag === ifMatch ? undefined : PRECONDITION;
    }
    // put, copy, complete
    if (kind === 'copy' && h['x-amz-copy-source-if-match'] && (await this.etagOf(source!)) !== h['x-amz-copy-source-if-match']) {
      return PRECONDITION;
    }
    if (ifMatch && ifNoneMatch) return notImplemented('If-Match and If-None-Match together');
    if (ifNoneMatch !== undefined) {
      if (ifNoneMatch !== '*') return notImplemented(`If-None-Match: ${ifNoneMatch}`);
      return (await this.etagOf(key)) === undefined ? undefined : PRECONDITION;
    }
    if (ifMatch !== undefined) {
      if (ifMatch === '*') return notImplemented('If-Match: * on a write');
      const etag = await this.etagOf(key);
      if (etag === undefined) return NO_SUCH_KEY;
      return etag === ifMatch ? undefined : PRECONDITION;
    }
    return undefined;
  }

  /** The key's current ETag, read straight from s3rver (HEAD), or undefined if there is none. */
  private etagOf(path: string): Promise<string | undefined> {
    return new Promise((resolve, reject) => {
      const encoded = path.split('/').map(encodeURIComponent).join('/');
      const head = request({ host: '127.0.0.1', port: this.backendPort, method: 'HEAD', path: encoded, agent: this.agent }, (res) => {
        res.resume();
        if (res.statusCode === 404) resolve(undefined);
        else if (res.statusCode === 200) resolve(String(res.headers.etag));
        else reject(new Error(`HEAD ${path}: ${res.statusCode}`));
      });
      head.on('error', reject);
      head.end();
    });
  }

  /** Waits for every earlier request on these keys; returns the release. Keys are sorted, so two locks never deadlock. */
  private async lock(keys: readonly string[]): Promise<() => void> {
    const releases: Array<() => void> = [];
    for (const key of keys) {
      const previous = this.queues.get(key) ?? Promise.resolve();
      let release!: () => void;
      const mine = new Promise<void>((resolve) => (release = resolve));
      const tail = previous.then(() => mine);
      this.queues.set(key, tail);
      await previous;
      releases.push(() => {
        release();
        if (this.queues.get(key) === tail) this.queues.delete(key);
      });
    }
    return () => releases.forEach((r) => r());
  }
}
