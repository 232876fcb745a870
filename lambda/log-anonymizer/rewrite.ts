import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Readable } from 'stream';
import { pipeline } from 'stream/promises';
import { codecStages, sniff } from './codec';
import { LineMap, LineTransform } from './lines';
import { UploadTarget, uploadStream } from './upload';

/**
 * The one streaming path every tool uses: S3 object → (gunzip) → line map →
 * (gzip) → S3 object. Used by the anonymizer (raw → anonymized/), the erasure
 * tool (object → same key without some lines) and, with no target, to scan.
 */

export interface SourceObject {
  readonly Bucket: string;
  readonly Key: string;
  /** Read exactly this version of the object; S3 answers 412 if it changed since. */
  readonly ETag?: string;
  /** A noncurrent version of a versioned bucket (only erase reads those). */
  readonly VersionId?: string;
}

export interface RewriteResult {
  readonly gzip: boolean;
  readonly linesIn: number;
  readonly linesOut: number;
}

/** Streams `source` through `map` into `target`; with no target, only counts. */
export async function rewriteObject(
  s3: S3Client,
  source: SourceObject,
  map: LineMap,
  target?: UploadTarget,
): Promise<RewriteResult> {
  const { Body } = await s3.send(new GetObjectCommand({ Bucket: source.Bucket, Key: source.Key, IfMatch: source.ETag, VersionId: source.VersionId }));
  if (!Body) throw new Error(`s3://${source.Bucket}/${source.Key}: GetObject returned no body`);
  const { gzip, raw } = await sniff(Body as Readable);
  const { decode, encode } = codecStages(gzip);
  const lines = new LineTransform(map);
  const sink = target
    ? (body: AsyncIterable<Buffer>) => uploadStream(s3, target, body)
    : async (body: AsyncIterable<Buffer>) => {
        for await (const chunk of body) void chunk; // scan only: the counts are the result
      };
  const stages = target ? [raw, ...decode, lines, ...encode, sink] : [raw, ...decode, lines, sink];
  await (pipeline as (...streams: unknown[]) => Promise<void>)(...stages);
  return { gzip, linesIn: lines.linesIn, linesOut: lines.linesOut };
}
