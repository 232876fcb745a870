import { DeleteObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { AnonymizerSettings, anonymizeObject } from '../../lambda/log-anonymizer/anonymize-object';
import { uploadStream } from '../../lambda/log-anonymizer/upload';
import { erase } from '../../lib/log-tooling/erase';
import { cloudFrontLog } from './support/fixtures';
import { getText, keys, put } from './support/objects';
import { LoopbackS3, startLoopbackS3 } from './support/s3-server';

/**
 * Two writers on one object, interleaved on purpose: a request of the first is
 * held at the loopback S3 front while the second runs to the end, then released.
 */
const BUCKET = 'estate-logs-race';
const MOVED = 'estate-logs-race-moved';
const settings: AnonymizerSettings = { sites: { main: 'truncate' }, s3Access: 'truncate' };

let server: LoopbackS3;
beforeAll(async () => {
  server = await startLoopbackS3([BUCKET, MOVED]);
});
afterAll(() => server.stop());

/** A CloudFront log whose lines 3, 8 and 15 hold `a` in the query string and lines 5, 11 hold `b`. */
function logWith(a: string, b: string): string {
  const lines = cloudFrontLog(20).text.split('\n');
  const setQuery = (i: number, value: string) => {
    const fields = lines[i].split('\t');
    fields[11] = `user=${encodeURIComponent(value)}`;
    lines[i] = fields.join('\t');
  };
  [3, 8, 15].forEach((i) => setQuery(i, a));
  [5, 11].forEach((i) => setQuery(i, b));
  return lines.join('\n');
}

const ALICE = 'alice@example.org';
const BOB = 'bob@example.net';
const isPut = (key: string) => (method: string, url: string) => method === 'PUT' && url.split('?')[0].endsWith(key);

test('two erasures of one object at once: neither restores the lines the other removed', async () => {
  const key = 'cloudfront/main/E1.2024-05-01-12.two.gz';
  await put(server.client, BUCKET, key, logWith(ALICE, BOB), true);
  // The first erasure is held just before it writes; the second runs start to end meanwhile.
  const gate = server.gate(isPut(key));
  const first = erase(server.client, { ips: [], matches: [ALICE], buckets: [BUCKET], dryRun: false });
  await gate.reached;
  const second = await erase(server.client, { ips: [], matches: [BOB], buckets: [BUCKET], dryRun: false });
  gate.release();
  const firstReport = await first;

  expect(second.objects).toEqual([expect.objectContaining({ key, status: 'rewritten', lines: 2 })]);
  expect(firstReport.objects).toEqual([expect.objectContaining({ key, status: 'rewritten', lines: 3 })]);
  const text = await getText(server.client, BUCKET, key);
  expect(text).not.toContain(encodeURIComponent(ALICE));
  expect(text).not.toContain(encodeURIComponent(BOB));
  expect(text.split('\n')).toHaveLength(logWith(ALICE, BOB).split('\n').length - 5);
});

test('an erasure during an anonymizer run: the anonymized copy never holds the erased lines', async () => {
  const key = 'cloudfront/main/E1.2024-05-01-12.anon.gz';
  const original = logWith(ALICE, BOB);
  await put(server.client, BUCKET, key, original, true);
  // The anonymizer has read the raw object and is about to write anonymized/<key>; the erasure runs now.
  const gate = server.gate(isPut(`anonymized/${key}`));
  const anonymizing = anonymizeObject(server.client, BUCKET, key, settings);
  await gate.reached;
  const report = await erase(server.client, { ips: [], matches: [ALICE], buckets: [BUCKET], dryRun: false });
  gate.release();
  const outcome = await anonymizing;

  expect(report.objects).toEqual([expect.objectContaining({ key, status: 'rewritten', lines: 3 })]);
  expect(outcome).toMatchObject({ status: 'anonymized', lines: original.split('\n').length - 1 - 3 });
  expect((await keys(server.client, BUCKET)).filter((k) => k.endsWith(key))).toEqual([`anonymized/${key}`]);
  const anonymized = await getText(server.client, BUCKET, `anonymized/${key}`);
  expect(anonymized).not.toContain(encodeURIComponent(ALICE));
  expect(anonymized).toContain(encodeURIComponent(BOB));
});

test('an erasure that finds its raw object anonymized meanwhile erases the anonymized copy instead', async () => {
  const key = 'cloudfront/main/E1.2024-05-01-12.moved.gz';
  await put(server.client, MOVED, key, logWith(ALICE, BOB), true);
  // The erasure has scanned the raw object and is about to rewrite it; the anonymizer finishes first.
  const gate = server.gate(isPut(key));
  const erasing = erase(server.client, { ips: [], matches: [ALICE], buckets: [MOVED], dryRun: false });
  await gate.reached;
  expect((await anonymizeObject(server.client, MOVED, key, settings)).status).toBe('anonymized');
  gate.release();
  const report = await erasing;

  expect(report.objects).toEqual([expect.objectContaining({ key: `anonymized/${key}`, status: 'rewritten', lines: 3 })]);
  expect((await keys(server.client, MOVED)).filter((k) => k.endsWith(key))).toEqual([`anonymized/${key}`]);
  expect(await getText(server.client, MOVED, `anonymized/${key}`)).not.toContain(encodeURIComponent(ALICE));
});

describe('the loopback front answers conditional requests as S3 does', () => {
  const key = 'conditional/object';
  const status = (promise: Promise<unknown>) =>
    promise.then(
      () => 200,
      (e: { $metadata?: { httpStatusCode?: number } }) => e.$metadata?.httpStatusCode,
    );
  const send = (command: PutObjectCommand | DeleteObjectCommand) => status(server.client.send(command as PutObjectCommand));

  test('PutObject: If-None-Match * and If-Match <etag>', async () => {
    await put(server.client, BUCKET, key, 'one');
    const { ETag } = await server.client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
    expect(await send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: 'x', IfNoneMatch: '*' }))).toBe(412);
    expect(await send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: 'x', IfMatch: '"0123"' }))).toBe(412);
    expect(await send(new PutObjectCommand({ Bucket: BUCKET, Key: `${key}-missing`, Body: 'x', IfMatch: ETag }))).toBe(404);
    expect(await send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: 'x', IfNoneMatch: ETag }))).toBe(501);
    expect(await getText(server.client, BUCKET, key)).toBe('one');
    expect(await send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: 'two', IfMatch: ETag }))).toBe(200);
    expect(await getText(server.client, BUCKET, key)).toBe('two');
    expect(await send(new PutObjectCommand({ Bucket: BUCKET, Key: `${key}-new`, Body: 'x', IfNoneMatch: '*' }))).toBe(200);
  });

  test('CompleteMultipartUpload: If-Match is checked when the upload completes', async () => {
    await put(server.client, BUCKET, key, 'before');
    async function* parts() {
      yield Buffer.alloc(3000, 97);
      yield Buffer.alloc(3000, 98);
    }
    await expect(uploadStream(server.client, { Bucket: BUCKET, Key: key, IfMatch: '"stale"' }, parts(), 2000)).rejects.toMatchObject({
      $metadata: { httpStatusCode: 412 },
    });
    expect(await getText(server.client, BUCKET, key)).toBe('before');
  });

  test('DeleteObject: If-Match', async () => {
    await put(server.client, BUCKET, key, 'keep me');
    expect(await send(new DeleteObjectCommand({ Bucket: BUCKET, Key: key, IfMatch: '"0123"' }))).toBe(412);
    expect(await getText(server.client, BUCKET, key)).toBe('keep me');
    const { ETag } = await server.client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
    expect(await send(new DeleteObjectCommand({ Bucket: BUCKET, Key: key, IfMatch: ETag }))).toBe(200);
    expect(await send(new DeleteObjectCommand({ Bucket: BUCKET, Key: key, IfMatch: ETag }))).toBe(404);
  });
});
