import { createHash } from 'crypto';
import { IncomingMessage, ServerResponse } from 'http';

/**
 * S3 bucket versioning, which s3rver does not implement (it answers
 * NotImplemented to `?versioning` and `?versions`), modelled in the loopback
 * front for what erase and verify use, after the S3 API reference:
 * - GetBucketVersioning (https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketVersioning.html):
 *   an empty `VersioningConfiguration` for a bucket that was never versioned,
 *   `<Status>Enabled|Suspended</Status>` otherwise;
 * - in a versioned bucket, a write or unversioned delete of a key keeps the object it
 *   replaces as a noncurrent version (https://docs.aws.amazon.com/AmazonS3/latest/userguide/versioning-workflows.html);
 * - ListObjectVersions (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectVersions.html)
 *   lists those noncurrent versions (`IsLatest` false), one page, no delete markers;
 * - GetObject / DeleteObject with `versionId` read and permanently delete one of them;
 *   an unknown version id answers 404 NoSuchVersion.
 * Not modelled: the current object's own version id (the current object is served by
 * s3rver and not listed by ListObjectVersions here), delete markers, pagination.
 */

interface Version {
  readonly key: string;
  readonly versionId: string;
  readonly body: Buffer;
  readonly etag: string;
  readonly lastModified: Date;
}

const XML = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"';
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export class VersioningModel {
  /** Bucket → versioning status; absent: never versioned. Tests set it. */
  public readonly status = new Map<string, 'Enabled' | 'Suspended'>();
  private readonly versions = new Map<string, Version[]>();
  private next = 0;

  /** Keeps `body` as a noncurrent version of `key` (what a versioned bucket does with the object a write replaces). */
  public keep(bucket: string, key: string, body: Buffer): void {
    const list = this.versions.get(bucket) ?? [];
    const etag = `"${createHash('md5').update(body).digest('hex')}"`;
    list.push({ key, versionId: `v${++this.next}.${createHash('sha1').update(key).digest('hex').slice(0, 12)}`, body, etag, lastModified: new Date() });
    this.versions.set(bucket, list);
  }

  public noncurrent(bucket: string): readonly Version[] {
    return this.versions.get(bucket) ?? [];
  }

  /** True if the bucket keeps replaced objects (Enabled; Suspended keeps the versions it has but adds none here). */
  public keepsVersions(bucket: string): boolean {
    return this.status.get(bucket) === 'Enabled';
  }

  /** Answers a versioning request; false if the request is not one. */
  public answer(req: IncomingMessage, res: ServerResponse, url: URL): boolean {
    const [bucket, ...rest] = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const key = rest.join('/');
    const q = url.searchParams;
    if (!key && req.method === 'GET' && q.has('versioning')) {
      const status = this.status.get(bucket);
      this.send(req, res, 200, `${XML}<VersioningConfiguration ${NS}>${status ? `<Status>${status}</Status>` : ''}</VersioningConfiguration>`);
      return true;
    }
    if (!key && req.method === 'GET' && q.has('versions')) {
      const entries = this.noncurrent(bucket)
        .map(
          (v) =>
            `<Version><Key>${escape(v.key)}</Key><VersionId>${v.versionId}</VersionId><IsLatest>false</IsLatest>` +
            `<LastModified>${v.lastModified.toISOString()}</LastModified><ETag>${escape(v.etag)}</ETag><Size>${v.body.length}</Size>` +
            `<StorageClass>STANDARD</StorageClass></Version>`,
        )
        .join('');
      this.send(req, res, 200, `${XML}<ListVersionsResult ${NS}><Name>${bucket}</Name><Prefix></Prefix><KeyMarker></KeyMarker><VersionIdMarker></VersionIdMarker><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>${entries}</ListVersionsResult>`);
      return true;
    }
    const versionId = q.get('versionId');
    if (!key || versionId === null) return false;
    const list = this.versions.get(bucket) ?? [];
    const index = list.findIndex((v) => v.key === key && v.versionId === versionId);
    if (index < 0) {
      this.send(req, res, 404, `${XML}<Error><Code>NoSuchVersion</Code><Message>The specified version does not exist.</Message><Key>${escape(key)}</Key><VersionId>${escape(versionId)}</VersionId></Error>`);
      return true;
    }
    if (req.method === 'DELETE') {
      list.splice(index, 1);
      req.resume();
      res.writeHead(204, { 'x-amz-version-id': versionId });
      res.end();
      return true;
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      const v = list[index];
      req.resume();
      res.writeHead(200, { etag: v.etag, 'content-length': String(v.body.length), 'x-amz-version-id': versionId, 'last-modified': v.lastModified.toUTCString() });
      res.end(req.method === 'GET' ? v.body : undefined);
      return true;
    }
    return false;
  }

  private send(req: IncomingMessage, res: ServerResponse, status: number, body: string): void {
    req.resume();
    res.writeHead(status, { 'content-type': 'application/xml' });
    res.end(body);
  }
}
