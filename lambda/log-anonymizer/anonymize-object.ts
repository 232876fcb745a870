import { CopyObjectCommand, DeleteObjectCommand, HeadObjectCommand, HeadObjectCommandOutput, S3Client } from '@aws-sdk/client-s3';
import type { IpLogHandling } from '../../lib/config/types';
import { isCompressionError } from './codec';
import { ANONYMIZED_PREFIX, LogFormat, QUARANTINE_PREFIX, UnrecognisedLogError, classifyKey, lineAnonymizer } from './formats';
import { LineTooLongError } from './lines';
import { rewriteObject } from './rewrite';
import { MAX_CONFLICT_RETRIES, isConflict, isNotFound } from './s3-errors';

/**
 * One raw log object → `anonymized/<key>`, then the raw object is deleted.
 * The output key is derived from the input key and records the raw object's
 * ETag, so a redelivered event finds the work done instead of doing it twice.
 *
 * Another writer may change the raw object meanwhile: an erasure removes lines
 * from it. Every step is therefore conditional on the ETag that was read (the
 * read itself, the output write, the raw delete), and a step that loses the race
 * starts again from a fresh read. The raw object is deleted only if it is still
 * the version the output was made from, so an anonymized copy made from a body
 * an erasure has since changed is rewritten from the erased body, never kept.
 */

export interface AnonymizerSettings {
  /** Per site key: `truncate` client IPs or `keep` them as logged. Sites not listed are truncated. */
  readonly sites: Readonly<Record<string, IpLogHandling>>;
  /** What to do with S3 server access logs (`s3-access/`). */
  readonly s3Access: IpLogHandling;
}

export type Outcome =
  | { readonly status: 'anonymized'; readonly lines: number; readonly malformedLines: number }
  | { readonly status: 'already-done' }
  | { readonly status: 'skipped'; readonly reason: string }
  | { readonly status: 'quarantined'; readonly reason: string };

/** Metadata key on the anonymized object: the ETag of the raw object it came from. */
export const SOURCE_ETAG_METADATA = 'source-etag';

export async function anonymizeObject(s3: S3Client, bucket: string, key: string, settings: AnonymizerSettings): Promise<Outcome> {
  const raw = classifyKey(key);
  if (!raw) return { status: 'skipped', reason: 'not under a raw log prefix' };
  const mode = raw.siteKey === undefined ? settings.s3Access : (settings.sites[raw.siteKey] ?? 'truncate');
  if (mode === 'keep') return { status: 'skipped', reason: `IP addresses are kept for ${raw.siteKey ?? 's3-access'}` };

  for (let attempt = 1; ; attempt++) {
    try {
      return await anonymizeOnce(s3, bucket, key, raw.format);
    } catch (error) {
      // Lost a race with another writer (or the object moved): read again and redo.
      if (!(isConflict(error) || isNotFound(error)) || attempt >= MAX_CONFLICT_RETRIES) throw error;
    }
  }
}

async function anonymizeOnce(s3: S3Client, bucket: string, key: string, format: LogFormat): Promise<Outcome> {
  const head = await headOrUndefined(s3, bucket, key);
  if (!head?.ETag) return { status: 'already-done' }; // raw already deleted by an earlier delivery
  const deleteRaw = () => s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key, IfMatch: head.ETag }));
  const outKey = ANONYMIZED_PREFIX + key;
  const existing = await headOrUndefined(s3, bucket, outKey);
  if (existing?.Metadata?.[SOURCE_ETAG_METADATA] === head.ETag) {
    // An earlier run wrote the output but stopped before deleting the raw object.
    await deleteRaw();
    return { status: 'already-done' };
  }

  const anonymizer = lineAnonymizer(format);
  try {
    const result = await rewriteObject(s3, { Bucket: bucket, Key: key, ETag: head.ETag }, (line) => anonymizer.line(line), {
      Bucket: bucket,
      Key: outKey,
      ContentType: head.ContentType,
      Metadata: { [SOURCE_ETAG_METADATA]: head.ETag },
      // Replace only the output that was looked at (a stale one from an older raw body), or create it.
      ...(existing?.ETag ? { IfMatch: existing.ETag } : { IfNoneMatch: '*' as const }),
    });
    if (result.linesIn !== result.linesOut) {
      throw new Error(`s3://${bucket}/${key}: ${result.linesIn} lines in but ${result.linesOut} out; raw object kept`);
    }
    // Only now, with the anonymized copy complete, may the raw one go, and only the version it was made from.
    await deleteRaw();
    return { status: 'anonymized', lines: result.linesIn, malformedLines: anonymizer.malformed };
  } catch (error) {
    if (!isContentError(error)) throw error; // S3 or network trouble, or a lost race: the caller decides
    await quarantine(s3, bucket, key, head.ETag);
    return { status: 'quarantined', reason: (error as Error).message };
  }
}

/** Copies the raw object under `quarantine/` and only then removes it from the raw prefix. */
async function quarantine(s3: S3Client, bucket: string, key: string, etag: string): Promise<void> {
  await s3.send(
    new CopyObjectCommand({
      Bucket: bucket,
      Key: QUARANTINE_PREFIX + key,
      CopySource: `${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`,
      CopySourceIfMatch: etag,
    }),
  );
  await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key, IfMatch: etag }));
}

function isContentError(error: unknown): boolean {
  return error instanceof UnrecognisedLogError || error instanceof LineTooLongError || isCompressionError(error);
}

async function headOrUndefined(s3: S3Client, bucket: string, key: string): Promise<HeadObjectCommandOutput | undefined> {
  try {
    return await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}
