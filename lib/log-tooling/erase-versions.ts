import { DeleteObjectCommand, GetBucketVersioningCommand, ListObjectVersionsCommand, ObjectVersion, S3Client } from '@aws-sdk/client-s3';
import { LineMap } from '../../lambda/log-anonymizer/lines';
import { rewriteObject } from '../../lambda/log-anonymizer/rewrite';
import { ObjectOutcome } from './erase-object';

/**
 * The estate's log bucket is unversioned on purpose. In a versioned bucket a
 * rewrite keeps the old object as a noncurrent version, so the erased lines
 * would live on until NoncurrentVersionExpiration: erase refuses such a bucket
 * unless told to delete, version by version, every noncurrent version that holds
 * a matching line. A version cannot be rewritten (versions are immutable), only
 * deleted, and deleting a version by id is permanent
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/DeletingObjectVersions.html).
 */

export class VersionedBucketError extends Error {}

/** Refuses versioned buckets unless `includeVersions`; returns the buckets whose versions must be handled. */
export async function versionedBuckets(s3: S3Client, buckets: readonly string[], includeVersions: boolean): Promise<string[]> {
  const versioned: string[] = [];
  for (const bucket of buckets) {
    const { Status } = await s3.send(new GetBucketVersioningCommand({ Bucket: bucket }));
    if (!Status) continue;
    if (!includeVersions) {
      throw new VersionedBucketError(
        `Bucket ${bucket} has versioning ${Status}: every object erase rewrites would stay as a noncurrent version holding the lines. ` +
          'Nothing was changed. Run again with --include-versions to also delete the noncurrent versions that hold the identifier, ' +
          'or suspend versioning and expire the old versions first (the estate creates its log bucket unversioned).',
      );
    }
    versioned.push(bucket);
  }
  return versioned;
}

/** Deletes (or, in a dry run, counts) every noncurrent version of `bucket` with a matching line. */
export async function eraseNoncurrentVersions(
  s3: S3Client,
  bucket: string,
  keep: LineMap,
  dryRun: boolean,
  /** Every noncurrent version scanned; `undefined` outcome: no line matched. */
  onVersion: (key: string, versionId: string, outcome: ObjectOutcome | undefined) => void,
  skip: (key: string, versionId: string) => boolean = () => false,
): Promise<void> {
  for await (const version of listVersions(s3, bucket)) {
    if (version.IsLatest || !version.Key || !version.VersionId) continue; // the current object is the normal pass's
    const { Key: key, VersionId: versionId } = version;
    if (skip(key, versionId)) continue;
    try {
      const scan = await rewriteObject(s3, { Bucket: bucket, Key: key, VersionId: versionId }, keep);
      const lines = scan.linesIn - scan.linesOut;
      if (lines > 0 && !dryRun) await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key, VersionId: versionId }));
      const status = dryRun ? 'version-would-delete' : 'version-deleted';
      onVersion(key, versionId, lines > 0 ? { bucket, key, versionId, lines, status } : undefined);
    } catch (error) {
      onVersion(key, versionId, { bucket, key, versionId, lines: 0, status: 'failed', error: (error as Error).message || String(error) });
    }
  }
}

/** ListObjectVersions, every page (the SDK has no paginator for it). */
async function* listVersions(s3: S3Client, bucket: string): AsyncGenerator<ObjectVersion> {
  let KeyMarker: string | undefined;
  let VersionIdMarker: string | undefined;
  for (;;) {
    const page = await s3.send(new ListObjectVersionsCommand({ Bucket: bucket, KeyMarker, VersionIdMarker }));
    yield* page.Versions ?? [];
    if (!page.IsTruncated) return;
    ({ NextKeyMarker: KeyMarker, NextVersionIdMarker: VersionIdMarker } = page);
  }
}
