import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CompletedPart,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';

/**
 * Writes a stream of unknown length to one S3 key with bounded memory: one part
 * in memory at a time. S3 makes the object visible only when the whole body is
 * in (PutObject, or CompleteMultipartUpload), so a reader sees the old object or
 * the new one, never a partial one; on any error the multipart upload is aborted.
 * A target's `IfMatch` / `IfNoneMatch` condition is sent on the request that makes
 * the object visible (PutObject or CompleteMultipartUpload): S3 answers 412 if the
 * key changed meanwhile, and the old object stays
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/conditional-writes.html).
 */

/** 8 MiB: above S3's 5 MiB minimum part size, small enough for a flat memory profile. */
export const PART_BYTES = 8 * 1024 * 1024;

export interface UploadTarget {
  readonly Bucket: string;
  readonly Key: string;
  readonly ContentType?: string;
  readonly Metadata?: Record<string, string>;
  /** Replace the object only if its ETag is still this one. */
  readonly IfMatch?: string;
  /** `*`: create the object only if the key does not exist. */
  readonly IfNoneMatch?: '*';
}

export async function uploadStream(
  s3: S3Client,
  target: UploadTarget,
  body: AsyncIterable<Buffer>,
  partBytes: number = PART_BYTES,
): Promise<void> {
  let chunks: Buffer[] = [];
  let size = 0;
  let uploadId: string | undefined;
  const parts: CompletedPart[] = [];
  // CreateMultipartUpload and UploadPart take no conditional headers; only the completing request does.
  const { IfMatch, IfNoneMatch, ...create } = target;

  const flushPart = async (): Promise<void> => {
    const Body = Buffer.concat(chunks, size);
    chunks = [];
    size = 0;
    const PartNumber = parts.length + 1;
    const { ETag } = await s3.send(new UploadPartCommand({ Bucket: target.Bucket, Key: target.Key, UploadId: uploadId, PartNumber, Body }));
    parts.push({ ETag, PartNumber });
  };

  try {
    for await (const chunk of body) {
      chunks.push(chunk);
      size += chunk.length;
      if (size < partBytes) continue;
      if (uploadId === undefined) {
        ({ UploadId: uploadId } = await s3.send(new CreateMultipartUploadCommand(create)));
      }
      await flushPart();
    }
    if (uploadId === undefined) {
      // Small object: one PutObject.
      await s3.send(new PutObjectCommand({ ...target, Body: Buffer.concat(chunks, size) }));
      return;
    }
    if (size > 0) await flushPart();
    await s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: target.Bucket,
        Key: target.Key,
        UploadId: uploadId,
        MultipartUpload: { Parts: parts },
        IfMatch,
        IfNoneMatch,
      }),
    );
  } catch (error) {
    if (uploadId !== undefined) {
      // Best effort: the bucket's lifecycle also aborts incomplete uploads after a day.
      await s3.send(new AbortMultipartUploadCommand({ Bucket: target.Bucket, Key: target.Key, UploadId: uploadId })).catch(() => undefined);
    }
    throw error;
  }
}
