import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { gunzipSync, gzipSync } from 'zlib';

/** Small helpers over the real client, for arranging and inspecting a bucket in tests. */

export async function put(s3: S3Client, bucket: string, key: string, body: string | Buffer, gzip = false): Promise<void> {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: gzip ? gzipSync(bytes) : bytes }));
}

export async function getBytes(s3: S3Client, bucket: string, key: string): Promise<Buffer> {
  const { Body } = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return Buffer.from(await Body!.transformToByteArray());
}

/** The object's text, gunzipped if it is gzip. */
export async function getText(s3: S3Client, bucket: string, key: string): Promise<string> {
  const bytes = await getBytes(s3, bucket, key);
  return (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
}

export async function keys(s3: S3Client, bucket: string): Promise<string[]> {
  const { Contents } = await s3.send(new ListObjectsV2Command({ Bucket: bucket }));
  return (Contents ?? []).map((c) => c.Key!).sort();
}
