import { S3Client, paginateListObjectsV2 } from '@aws-sdk/client-s3';
import { lineMatcher } from './line-matcher';
import { ObjectOutcome, eraseInObject } from './erase-object';
import { eraseNoncurrentVersions, versionedBuckets } from './erase-versions';

export type { ObjectOutcome } from './erase-object';
export { lineMatcher } from './line-matcher';

/**
 * Erasure on request: every log object that holds a line about the person is
 * rewritten without those lines. Two passes per object: a read-only scan finds
 * the objects that match (most do not, and reads cost less than writes), then a
 * matching object is streamed again into a new body for the same key. S3
 * replaces an object only once the whole new body is in, so an object is either
 * the old one or the new one, never cut short; the replacement is conditional on
 * the scanned version (see erase-object.ts).
 */

export interface EraseRequest {
  /** Client IP addresses to erase, in any textual form (compared canonically). */
  readonly ips: readonly string[];
  /** Other identifiers (email, user id), matched case-insensitively, also percent-encoded. */
  readonly matches: readonly string[];
  readonly buckets: readonly string[];
  readonly dryRun: boolean;
  /** In a versioned bucket, also delete the noncurrent versions that hold a matching line; without it, refuse. */
  readonly includeVersions?: boolean;
}

export interface EraseReport {
  readonly dryRun: boolean;
  readonly objectsScanned: number;
  readonly linesMatched: number;
  /** Objects that matched (rewritten or, in a dry run, would be) and objects that failed. */
  readonly objects: readonly ObjectOutcome[];
}

export interface Unchanged {
  readonly bucket: string;
  readonly key: string;
  readonly versionId?: string;
  readonly lines: 0;
  readonly status: 'unchanged';
}

/** What a caller learns as the run goes, and which objects it already finished (a resumed run). */
export interface EraseObserver {
  /** Objects finished by an earlier, interrupted run of the same request: not read again. */
  readonly skip?: (bucket: string, key: string, versionId?: string) => boolean;
  /** Every object scanned, once finished: `unchanged` if no line matched. */
  readonly onObject?: (outcome: ObjectOutcome | Unchanged) => void;
}

export async function erase(s3: S3Client, request: EraseRequest, observer: EraseObserver = {}): Promise<EraseReport> {
  const matches = lineMatcher(request.ips, request.matches);
  const keep = (line: string): string | null => (matches(line) ? null : line);
  const objects: ObjectOutcome[] = [];
  let objectsScanned = 0;
  let linesMatched = 0;
  const record = (outcome: ObjectOutcome | undefined, unchanged: Unchanged) => {
    observer.onObject?.(outcome ?? unchanged);
    if (!outcome) return;
    if (outcome.status !== 'failed') linesMatched += outcome.lines;
    objects.push(outcome);
  };
  // Before any change: a versioned bucket would keep every rewritten object as an old version.
  const versioned = await versionedBuckets(s3, request.buckets, request.includeVersions === true);
  for (const bucket of request.buckets) {
    for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket: bucket })) {
      for (const { Key: key, ETag } of page.Contents ?? []) {
        if (!key || observer.skip?.(bucket, key)) continue;
        objectsScanned++;
        record(await eraseInObject(s3, bucket, key, ETag, keep, request.dryRun), { bucket, key, lines: 0, status: 'unchanged' });
      }
    }
  }
  // After the current objects: their rewrites have just made noncurrent versions too.
  for (const bucket of versioned) {
    await eraseNoncurrentVersions(
      s3,
      bucket,
      keep,
      request.dryRun,
      (key, versionId, outcome) => {
        objectsScanned++;
        record(outcome, { bucket, key, versionId, lines: 0, status: 'unchanged' });
      },
      (key, versionId) => observer.skip?.(bucket, key, versionId) === true,
    );
  }
  return { dryRun: request.dryRun, objectsScanned, linesMatched, objects };
}
