import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { ANONYMIZED_PREFIX, classifyKey } from '../../lambda/log-anonymizer/formats';
import { LineMap } from '../../lambda/log-anonymizer/lines';
import { rewriteObject } from '../../lambda/log-anonymizer/rewrite';
import { MAX_CONFLICT_RETRIES, isConflict, isNotFound } from '../../lambda/log-anonymizer/s3-errors';

/**
 * Erasure in one object, safe against other writers (another erasure, the
 * anonymizer): every read and the write are conditional on the ETag that was
 * scanned, so the new body replaces exactly the body it was made from. If
 * another writer got there first, S3 answers 412 and the object is read and
 * erased again, so neither writer's removals are undone. A raw log object that
 * the anonymizer moved to `anonymized/<key>` meanwhile is followed there.
 */

export interface ObjectOutcome {
  readonly bucket: string;
  readonly key: string;
  readonly lines: number;
  readonly status: 'rewritten' | 'would-rewrite' | 'failed' | 'version-deleted' | 'version-would-delete';
  /** Set for a noncurrent version of a versioned bucket (see erase-versions.ts). */
  readonly versionId?: string;
  readonly error?: string;
}

/** The matching lines of `key` removed (or, in a dry run, counted); undefined when none match or the object is gone. */
export async function eraseInObject(
  s3: S3Client,
  bucket: string,
  key: string,
  listedEtag: string | undefined,
  keep: LineMap,
  dryRun: boolean,
): Promise<ObjectOutcome | undefined> {
  let etag = listedEtag;
  for (let attempt = 1; ; attempt++) {
    try {
      return await eraseOnce(s3, bucket, key, etag, keep, dryRun);
    } catch (error) {
      if (isNotFound(error)) {
        // Deleted since the listing. The anonymizer deletes a raw object only once its anonymized copy is complete.
        return classifyKey(key) ? eraseInObject(s3, bucket, ANONYMIZED_PREFIX + key, undefined, keep, dryRun) : undefined;
      }
      if (isConflict(error) && attempt < MAX_CONFLICT_RETRIES) {
        etag = undefined; // changed by another writer: read the new version and erase in it
        continue;
      }
      const message = (error as Error).message || String(error);
      const detail = isConflict(error) ? `changed by another writer ${attempt} times while being erased; run again` : message;
      return { bucket, key, lines: 0, status: 'failed', error: detail };
    }
  }
}

async function eraseOnce(
  s3: S3Client,
  bucket: string,
  key: string,
  knownEtag: string | undefined,
  keep: LineMap,
  dryRun: boolean,
): Promise<ObjectOutcome | undefined> {
  const etag = knownEtag ?? (await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))).ETag;
  const source = { Bucket: bucket, Key: key, ETag: etag };
  const scan = await rewriteObject(s3, source, keep);
  const lines = scan.linesIn - scan.linesOut;
  if (lines === 0) return undefined;
  if (dryRun) return { bucket, key, lines, status: 'would-rewrite' };
  const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key, IfMatch: etag }));
  await rewriteObject(s3, source, keep, { Bucket: bucket, Key: key, ContentType: head.ContentType, Metadata: head.Metadata, IfMatch: etag });
  return { bucket, key, lines, status: 'rewritten' };
}
