import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { gzipSync } from 'zlib';
import { AnonymizerSettings, SOURCE_ETAG_METADATA, anonymizeObject } from '../../lambda/log-anonymizer/anonymize-object';
import { truncateIp } from '../../lambda/log-anonymizer/ip';
import { albLog, cloudFrontLog, s3AccessLog } from './support/fixtures';
import { getBytes, getText, keys, put } from './support/objects';
import { LoopbackS3, startLoopbackS3 } from './support/s3-server';

const BUCKET = 'estate-logs-test';
const settings: AnonymizerSettings = { sites: { main: 'truncate', appman: 'truncate', forum: 'keep' }, s3Access: 'truncate' };
const lineCount = (text: string) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

let server: LoopbackS3;
beforeAll(async () => {
  server = await startLoopbackS3([BUCKET]);
});
afterAll(() => server.stop());

const s3 = () => server.client;
let n = 0;
const uniqueKey = (prefix: string, name: string) => `${prefix}${++n}-${name}`;

describe.each([
  ['CloudFront gzip', 'cloudfront/main/E2ABC.2024-05-01-12.', 'a.gz', cloudFrontLog(300), true],
  ['ALB gzip', 'alb/appman/AWSLogs/123456789012/elasticloadbalancing/eu-west-1/2024/05/01/', 'b.log.gz', albLog(300), true],
  ['S3 server access plain', 's3-access/site-content/2024-05-01-12-00-00-', 'C0FFEE', s3AccessLog(300), false],
])('%s', (_name, prefix, name, log, gzip) => {
  const key = uniqueKey(prefix, name);
  let outcome: Awaited<ReturnType<typeof anonymizeObject>>;
  beforeAll(async () => {
    await put(s3(), BUCKET, key, log.text, gzip);
    outcome = await anonymizeObject(s3(), BUCKET, key, settings);
  });

  test('writes anonymized/<key> with as many lines as the raw object, and no full client address', async () => {
    expect(outcome).toEqual({ status: 'anonymized', lines: lineCount(log.text), malformedLines: 0 });
    const text = await getText(s3(), BUCKET, `anonymized/${key}`);
    expect(lineCount(text)).toBe(lineCount(log.text));
    for (const ip of log.clientIps) {
      expect(text).toContain(truncateIp(ip));
      expect(text.split(/[\s,\[\]]|%20/).some((token) => token === ip || token.startsWith(`${ip}:`))).toBe(false);
    }
  });

  test('keeps the compression of the input', async () => {
    const bytes = await getBytes(s3(), BUCKET, `anonymized/${key}`);
    expect(bytes[0] === 0x1f && bytes[1] === 0x8b).toBe(gzip);
  });

  test('deletes the raw object once the anonymized one is written', async () => {
    expect(await keys(s3(), BUCKET)).not.toContain(key);
  });

  test('a redelivered event does nothing and creates no second object', async () => {
    const before = await keys(s3(), BUCKET);
    expect(await anonymizeObject(s3(), BUCKET, key, settings)).toEqual({ status: 'already-done' });
    expect(await keys(s3(), BUCKET)).toEqual(before);
  });
});

test('a run that wrote its output but stopped before deleting the raw object is finished without rewriting', async () => {
  const key = uniqueKey('cloudfront/main/', 'crash.gz');
  const body = gzipSync(cloudFrontLog(20).text);
  await put(s3(), BUCKET, key, body);
  await anonymizeObject(s3(), BUCKET, key, settings);
  const first = await s3().send(new HeadObjectCommand({ Bucket: BUCKET, Key: `anonymized/${key}` }));
  // The same bytes again: same ETag, as if the delete had never happened.
  await put(s3(), BUCKET, key, body);
  expect(await anonymizeObject(s3(), BUCKET, key, settings)).toEqual({ status: 'already-done' });
  const second = await s3().send(new HeadObjectCommand({ Bucket: BUCKET, Key: `anonymized/${key}` }));
  expect(second.LastModified).toEqual(first.LastModified);
  expect(second.Metadata?.[SOURCE_ETAG_METADATA]).toBeDefined();
  expect((await keys(s3(), BUCKET)).filter((k) => k.endsWith(key))).toEqual([`anonymized/${key}`]);
});

describe('objects that cannot be anonymized are quarantined, never deleted', () => {
  const full = gzipSync(cloudFrontLog(2000).text);
  test.each([
    ['truncated gzip', 'cloudfront/main/', 'cut.gz', full.subarray(0, Math.floor(full.length / 2))],
    ['gzip of something else', 'cloudfront/main/', 'other.gz', gzipSync('PK\u0003\u0004 not a log\n')],
    ['binary, not gzip', 'alb/appman/', 'bin.log', Buffer.from([0x00, 0x01, 0x02, 0xff, 0x0a, 0x00])],
    ['wrong format for its prefix', 's3-access/site-content/', 'alb-in-s3-access', Buffer.from(albLog(3).text)],
  ])('%s', async (_name, prefix, name, body) => {
    const key = uniqueKey(prefix, name);
    await put(s3(), BUCKET, key, body);
    const outcome = await anonymizeObject(s3(), BUCKET, key, settings);
    expect(outcome.status).toBe('quarantined');
    const all = await keys(s3(), BUCKET);
    expect(all).not.toContain(key);
    expect(all).not.toContain(`anonymized/${key}`);
    expect((await getBytes(s3(), BUCKET, `quarantine/${key}`)).equals(body)).toBe(true);
  });
});

test('an empty object gives an empty anonymized object (0 lines in, 0 out)', async () => {
  const key = uniqueKey('s3-access/site-content/', 'empty');
  await put(s3(), BUCKET, key, '');
  expect(await anonymizeObject(s3(), BUCKET, key, settings)).toEqual({ status: 'anonymized', lines: 0, malformedLines: 0 });
  expect((await getBytes(s3(), BUCKET, `anonymized/${key}`)).length).toBe(0);
});

test('malformed lines after a valid first line are kept, scrubbed, and counted', async () => {
  const key = uniqueKey('alb/appman/', 'mixed.log.gz');
  const text = `${albLog(2).text}garbled 203.0.113.45 line\n${albLog(1, 9).text}partial https 2024-05-01T12:00:00Z app/x 2001:db8:9:8:7:6:5:1:4431`;
  await put(s3(), BUCKET, key, text, true);
  expect(await anonymizeObject(s3(), BUCKET, key, settings)).toEqual({ status: 'anonymized', lines: 5, malformedLines: 2 });
  const out = (await getText(s3(), BUCKET, `anonymized/${key}`)).split('\n');
  expect(out).toHaveLength(5);
  expect(out[2]).toBe('garbled 203.0.113.0 line');
  expect(out[4]).toBe('partial https 2024-05-01T12:00:00Z app/x 2001:db8:9:::4431');
});

test('a site set to keep is left as logged, and keys outside the raw prefixes are ignored', async () => {
  const forumKey = uniqueKey('cloudfront/forum/', 'keep.gz');
  await put(s3(), BUCKET, forumKey, cloudFrontLog(5).text, true);
  expect((await anonymizeObject(s3(), BUCKET, forumKey, settings)).status).toBe('skipped');
  const already = uniqueKey('anonymized/cloudfront/main/', 'x.gz');
  await put(s3(), BUCKET, already, cloudFrontLog(5).text, true);
  expect((await anonymizeObject(s3(), BUCKET, already, settings)).status).toBe('skipped');
  const all = await keys(s3(), BUCKET);
  expect(all).toContain(forumKey);
  expect(all).not.toContain(`anonymized/${forumKey}`);
  expect(all).not.toContain(`anonymized/${already}`);
});

test('an S3 failure while writing leaves the raw object in place for the retry', async () => {
  const key = uniqueKey('cloudfront/main/', 'retry.gz');
  await put(s3(), BUCKET, key, cloudFrontLog(10).text, true);
  server.fault = (method, url) => method === 'PUT' && url.includes('anonymized');
  try {
    await expect(anonymizeObject(s3(), BUCKET, key, settings)).rejects.toThrow(/Injected failure/);
  } finally {
    server.fault = undefined;
  }
  const all = await keys(s3(), BUCKET);
  expect(all).toContain(key);
  expect(all).not.toContain(`anonymized/${key}`);
  expect(all).not.toContain(`quarantine/${key}`);
  expect((await anonymizeObject(s3(), BUCKET, key, settings)).status).toBe('anonymized');
});
