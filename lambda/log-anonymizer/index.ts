import { S3Client } from '@aws-sdk/client-s3';
import { anonymizeObject } from './anonymize-object';
import { settingsFromEnv } from './settings';

/**
 * Lambda entry: one S3 ObjectCreated notification → each object anonymized.
 * Logs the key and outcome only, never a log line (lines hold IP addresses).
 */

/** The parts of an S3 event notification this handler reads. */
export interface S3NotificationEvent {
  readonly Records: ReadonlyArray<{ readonly s3: { readonly bucket: { readonly name: string }; readonly object: { readonly key: string } } }>;
}

const settings = settingsFromEnv(process.env);
const s3 = new S3Client({});

export async function handler(event: S3NotificationEvent): Promise<void> {
  for (const record of event.Records) {
    const bucket = record.s3.bucket.name;
    // Keys in notifications are URL-encoded with '+' for spaces.
    const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
    const outcome = await anonymizeObject(s3, bucket, key, settings);
    console.log(JSON.stringify({ bucket, key, ...outcome }));
  }
}
