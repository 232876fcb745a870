import { lifecycleCheck, regionCheck, verifyBucket } from '../../lib/log-tooling/verify';
import { verifyCommand } from '../../lib/log-tooling/verify-command';
import { encryption, lifecycle, location, noLifecycle, noPublicAccessBlock, publicAccessBlock } from './support/recorded';
import { LoopbackS3, startLoopbackS3 } from './support/s3-server';
import { startLoopbackSqs } from './support/sqs';

/**
 * s3rver answers GetBucketLocation itself but implements no lifecycle, public
 * access block or encryption API: those come from recorded S3 answers served on
 * the same loopback endpoint, so the real SDK client still parses them.
 */
const GOOD = 'estate-logs-good';
const BAD = 'estate-logs-bad';
const BARE = 'estate-logs-bare'; // nothing recorded: every call reaches s3rver
const policy = { allowedRegions: ['eu-west-1', 'eu-central-1'], maxLogDays: 30 };

let server: LoopbackS3;
beforeAll(async () => {
  server = await startLoopbackS3([GOOD, BAD, BARE]);
  const r = server.recorded;
  r.set(`${GOOD}?location`, location('eu-west-1'));
  r.set(`${GOOD}?lifecycle`, lifecycle(30));
  r.set(`${GOOD}?publicAccessBlock`, publicAccessBlock(true));
  r.set(`${GOOD}?encryption`, encryption('AES256'));
  r.set(`${BAD}?location`, location('us-west-2'));
  r.set(`${BAD}?lifecycle`, lifecycle(400));
  r.set(`${BAD}?publicAccessBlock`, publicAccessBlock(false));
  r.set(`${BAD}?encryption`, encryption('aws:kms'));
});
afterAll(() => server.stop());

test('a compliant bucket passes every check', async () => {
  const results = await verifyBucket(server.client, GOOD, policy);
  expect(results.map((r) => [r.check, r.ok])).toEqual([
    ['region', true],
    ['lifecycle expiry', true],
    ['public access block', true],
    ['encryption', true],
    ['versioning', true],
  ]);
});

test('each broken property fails and says why', async () => {
  const byCheck = Object.fromEntries((await verifyBucket(server.client, BAD, policy)).map((r) => [r.check, r]));
  expect(byCheck.region).toMatchObject({ ok: false, detail: expect.stringContaining('us-west-2') });
  expect(byCheck['lifecycle expiry']).toMatchObject({ ok: false, detail: 'objects expire after 400 days; the policy allows at most 30' });
  expect(byCheck['public access block']).toMatchObject({ ok: false, detail: 'off: BlockPublicPolicy, RestrictPublicBuckets' });
  expect(byCheck.encryption).toMatchObject({ ok: true, detail: 'default aws:kms' });
});

test('missing configurations are failures, not crashes', async () => {
  server.recorded.set(`${BAD}?lifecycle`, noLifecycle);
  server.recorded.set(`${BAD}?publicAccessBlock`, noPublicAccessBlock);
  const byCheck = Object.fromEntries((await verifyBucket(server.client, BAD, policy)).map((r) => [r.check, r]));
  expect(byCheck['lifecycle expiry']).toMatchObject({ ok: false, detail: expect.stringContaining('kept forever') });
  expect(byCheck['public access block']).toMatchObject({ ok: false, detail: 'no public access block on the bucket' });
});

test("s3rver's own answers: no location (us-east-1) and NotImplemented fail every check", async () => {
  const results = (await verifyBucket(server.client, BARE, policy)).filter((r) => r.check !== 'versioning');
  expect(results).toHaveLength(4);
  expect(results.every((r) => !r.ok)).toBe(true);
  expect(results[0].detail).toContain('us-east-1');
  expect(results[1].detail).toMatch(/could not read: NotImplemented/);
});

test('the command prints a table per bucket and exits 1 when any check fails, 0 when none does', async () => {
  const out: string[] = [];
  const ctx = { estateName: 'Estate', policy, out: (t: string) => out.push(t), err: () => undefined };
  expect(await verifyCommand(['--bucket', GOOD], ctx)).toBe(0);
  expect(out.join('\n')).toMatch(/estate-logs-good\s+region\s+PASS\s+eu-west-1/);
  expect(out.join('\n')).toContain('All 5 checks passed.');
  out.length = 0;
  expect(await verifyCommand(['--bucket', GOOD, '--bucket', BARE], ctx)).toBe(1);
  expect(out.join('\n')).toMatch(/estate-logs-bare\s+region\s+FAIL/);
  expect(out.join('\n')).toContain('4 of 10 checks failed.');
});

test.each(['Enabled', 'Suspended'] as const)('a log bucket with versioning %s fails: erased lines would live on in old versions', async (status) => {
  server.versioning.status.set(BAD, status);
  try {
    const byCheck = Object.fromEntries((await verifyBucket(server.client, BAD, policy)).map((r) => [r.check, r]));
    expect(byCheck.versioning).toMatchObject({ ok: false, detail: expect.stringContaining(`versioning ${status}`) });
    expect((await verifyBucket(server.client, GOOD, policy)).find((r) => r.check === 'versioning')).toMatchObject({ ok: true, detail: 'never versioned' });
  } finally {
    server.versioning.status.delete(BAD);
  }
});

test('verify reports anonymizer events that failed every retry, and passes when none wait', async () => {
  const sqs = await startLoopbackSqs();
  process.env.AWS_ENDPOINT_URL_SQS = sqs.endpoint;
  try {
    sqs.queues.set('Estate-Logs-FailedEvents-1', { visible: 2, inFlight: 1 });
    sqs.queues.set('Estate-Logs-FailedEvents-2', { visible: 0, inFlight: 0 });
    const out: string[] = [];
    const ctx = { estateName: 'Estate', policy, out: (t: string) => out.push(t), err: () => undefined };
    expect(await verifyCommand(['--bucket', GOOD, '--queue', sqs.url('Estate-Logs-FailedEvents-1')], ctx)).toBe(1);
    expect(out.join('\n')).toMatch(/Estate-Logs-FailedEvents-1\s+anonymizer failures\s+FAIL\s+3 anonymizer event\(s\) failed every retry/);
    out.length = 0;
    expect(await verifyCommand(['--bucket', GOOD, '--queue', sqs.url('Estate-Logs-FailedEvents-2')], ctx)).toBe(0);
    expect(out.join('\n')).toMatch(/Estate-Logs-FailedEvents-2\s+anonymizer failures\s+PASS\s+no failed anonymizer events/);
    out.length = 0;
    expect(await verifyCommand(['--bucket', GOOD, '--queue', sqs.url('missing')], ctx)).toBe(1);
    expect(out.join('\n')).toMatch(/missing\s+anonymizer failures\s+FAIL\s+could not read: QueueDoesNotExist/);
  } finally {
    delete process.env.AWS_ENDPOINT_URL_SQS;
    await sqs.stop();
  }
});

describe('pure checks', () => {
  test.each([
    [undefined, 'us-east-1', false],
    ['EU', 'eu-west-1', true],
    ['eu-central-1', 'eu-central-1', true],
  ])('location %j is %s', (constraint, region, ok) => {
    expect(regionCheck(constraint, policy.allowedRegions)).toEqual({ ok, detail: expect.stringContaining(region) });
  });

  test('lifecycle: only an enabled, whole-bucket, days-based expiry counts', () => {
    expect(lifecycleCheck([{ Status: 'Enabled', Filter: {}, Expiration: { Days: 30 } }], 30).ok).toBe(true);
    expect(lifecycleCheck([{ Status: 'Disabled', Filter: {}, Expiration: { Days: 30 } }], 30).ok).toBe(false);
    expect(lifecycleCheck([{ Status: 'Enabled', Filter: { Prefix: 'cloudfront/' }, Expiration: { Days: 7 } }], 30).ok).toBe(false);
    expect(lifecycleCheck([{ Status: 'Enabled', Filter: {}, Expiration: { Date: new Date('2030-01-01') } }], 30).ok).toBe(false);
    expect(lifecycleCheck([{ Status: 'Enabled', Filter: {}, Expiration: { Days: 31 } }], 30).ok).toBe(false);
  });
});
