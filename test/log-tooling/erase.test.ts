import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { gzipSync } from 'zlib';
import { erase, lineMatcher } from '../../lib/log-tooling/erase';
import { uploadStream } from '../../lambda/log-anonymizer/upload';
import { albLog, cloudFrontLog, s3AccessLog } from './support/fixtures';
import { getBytes, getText, put } from './support/objects';
import { LoopbackS3, startLoopbackS3 } from './support/s3-server';

const A = 'estate-logs-a';
const B = 'estate-logs-b';
const IP = '192.0.2.44';
const IPV6 = '2001:db8:77:1::5';

/** Sets one line of a generated log to hold `value` in its client field. */
function withClient(text: string, lineIndex: number, from: string, to: string): string {
  const lines = text.split('\n');
  lines[lineIndex] = lines[lineIndex].replace(from, to);
  return lines.join('\n');
}

let server: LoopbackS3;
const cf = cloudFrontLog(30);
const cfTarget = [4, 9, 20].reduce((t, i) => withClient(t, i, t.split('\n')[i].split('\t')[4], IP), cf.text);
const alb = albLog(20);
const albTarget = withClient(alb.text, 3, alb.text.split('\n')[3].split(' ')[3].replace(/:\d+$/, ''), `[${IPV6.toUpperCase().replace('::', ':0:0::')}]`);
const s3a = s3AccessLog(10);
const emailLine = s3a.text.split('\n')[0].replace('docs/index.html "GET', 'docs/index.html?user=Alice%40Example.org "GET');
const s3Target = s3a.text.replace(s3a.text.split('\n')[0], emailLine);
const untouched = s3AccessLog(5, 42).text;
const cutGzip = gzipSync(cloudFrontLog(500).text).subarray(0, 200);

beforeAll(async () => {
  server = await startLoopbackS3([A, B]);
  await put(server.client, A, 'cloudfront/main/E1.2024-05-01-12.aa.gz', cfTarget, true);
  await put(server.client, A, 'alb/appman/AWSLogs/1/elasticloadbalancing/eu-west-1/x.log', albTarget);
  await put(server.client, A, 's3-access/content/2024-05-01-00', untouched);
  await server.client.send(
    new PutObjectCommand({ Bucket: B, Key: 'anonymized/s3-access/content/x', Body: s3Target, ContentType: 'text/plain', Metadata: { 'source-etag': '"abc"' } }),
  );
  await put(server.client, B, 'quarantine/cloudfront/main/cut.gz', cutGzip);
});
afterAll(() => server.stop());

describe('lineMatcher', () => {
  const m = lineMatcher([IP, IPV6], ['alice@example.org']);
  test.each([
    [`a ${IP} b`, true],
    [`a ${IP}:443 b`, true],
    [`x 192.0.2.4 y 192.0.2.444`, false],
    [`a [2001:DB8:77:1:0:0:0:5]:80 b`, true],
    ['a ::ffff:192.0.2.44 b', true],
    ['q=ALICE%40example.ORG', true],
    ['q=alice%2540example.org', true],
    ['q=bob@example.org 2001:db8:77:1::6', false],
  ])('%s → %s', (line, expected) => expect(m(line)).toBe(expected));

  test('rejects what is not an address, and an empty --match', () => {
    expect(() => lineMatcher(['300.1.1.1'], [])).toThrow(/--ip: "300.1.1.1"/);
    expect(() => lineMatcher([], [' '])).toThrow(/--match/);
  });
});

describe('erase', () => {
  test('--dry-run reports what would change and changes nothing', async () => {
    const before = await getBytes(server.client, A, 'cloudfront/main/E1.2024-05-01-12.aa.gz');
    const report = await erase(server.client, { ips: [IP, IPV6], matches: ['alice@example.org'], buckets: [A, B], dryRun: true });
    expect(report.objectsScanned).toBe(5);
    expect(report.linesMatched).toBe(5);
    expect(report.objects.filter((o) => o.status === 'would-rewrite').map((o) => [o.key, o.lines])).toEqual([
      ['alb/appman/AWSLogs/1/elasticloadbalancing/eu-west-1/x.log', 1],
      ['cloudfront/main/E1.2024-05-01-12.aa.gz', 3],
      ['anonymized/s3-access/content/x', 1],
    ]);
    expect((await getBytes(server.client, A, 'cloudfront/main/E1.2024-05-01-12.aa.gz')).equals(before)).toBe(true);
    expect(await getText(server.client, B, 'anonymized/s3-access/content/x')).toBe(s3Target);
  });

  test('removes exactly the matching lines; every other line, the compression and the metadata stay', async () => {
    const report = await erase(server.client, { ips: [IP, IPV6], matches: ['alice@example.org'], buckets: [A, B], dryRun: false });
    expect(report.linesMatched).toBe(5);
    expect(report.objects.filter((o) => o.status === 'rewritten')).toHaveLength(3);

    const expected = (text: string, drop: number[]) => text.split('\n').filter((_, i) => !drop.includes(i)).join('\n');
    expect(await getText(server.client, A, 'cloudfront/main/E1.2024-05-01-12.aa.gz')).toBe(expected(cfTarget, [4, 9, 20]));
    expect((await getBytes(server.client, A, 'cloudfront/main/E1.2024-05-01-12.aa.gz'))[0]).toBe(0x1f);
    expect(await getText(server.client, A, 'alb/appman/AWSLogs/1/elasticloadbalancing/eu-west-1/x.log')).toBe(expected(albTarget, [3]));
    expect(await getText(server.client, A, 's3-access/content/2024-05-01-00')).toBe(untouched);
    expect(await getText(server.client, B, 'anonymized/s3-access/content/x')).toBe(expected(s3Target, [0]));
    const head = await server.client.send(new HeadObjectCommand({ Bucket: B, Key: 'anonymized/s3-access/content/x' }));
    expect(head.Metadata).toEqual({ 'source-etag': '"abc"' });
    expect(head.ContentType).toBe('text/plain');
  });

  test('an unreadable object is reported as failed and left as it was', async () => {
    const report = await erase(server.client, { ips: [IP], matches: [], buckets: [B], dryRun: false });
    expect(report.objects).toEqual([expect.objectContaining({ key: 'quarantine/cloudfront/main/cut.gz', status: 'failed' })]);
    expect((await getBytes(server.client, B, 'quarantine/cloudfront/main/cut.gz')).equals(cutGzip)).toBe(true);
  });

  test('a write that fails mid-run leaves that object whole and old; the others are still done', async () => {
    await put(server.client, A, 'cloudfront/main/E2.a.gz', cfTarget, true);
    await put(server.client, A, 'cloudfront/main/E3.b.gz', cfTarget, true);
    server.fault = (method, url) => method === 'PUT' && url.includes('E2.a.gz');
    try {
      const report = await erase(server.client, { ips: [IP], matches: [], buckets: [A], dryRun: false });
      expect(report.objects.map((o) => [o.key, o.status])).toEqual([
        ['cloudfront/main/E2.a.gz', 'failed'],
        ['cloudfront/main/E3.b.gz', 'rewritten'],
      ]);
    } finally {
      server.fault = undefined;
    }
    expect(await getText(server.client, A, 'cloudfront/main/E2.a.gz')).toBe(cfTarget);
  });
});

describe('uploadStream (multipart, one part in memory)', () => {
  async function* parts(count: number, size: number) {
    for (let i = 0; i < count; i++) yield Buffer.alloc(size, 97 + i);
  }

  test('a large body arrives whole', async () => {
    await uploadStream(server.client, { Bucket: A, Key: 'multi/ok' }, parts(5, 1000), 2000);
    const bytes = await getBytes(server.client, A, 'multi/ok');
    expect(bytes.length).toBe(5000);
    expect(bytes.subarray(4000).every((b) => b === 97 + 4)).toBe(true);
  });

  test('a failure at the second part leaves the previous object untouched', async () => {
    await put(server.client, A, 'multi/old', 'old body');
    let uploads = 0;
    server.fault = (method, url) => method === 'PUT' && url.includes('multi/old') && url.includes('partNumber') && ++uploads === 2;
    try {
      await expect(uploadStream(server.client, { Bucket: A, Key: 'multi/old' }, parts(5, 1000), 2000)).rejects.toThrow(/Injected/);
    } finally {
      server.fault = undefined;
    }
    expect(await getText(server.client, A, 'multi/old')).toBe('old body');
  });
});
