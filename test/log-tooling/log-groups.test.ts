import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CloudWatchLogsClient, PutRetentionPolicyCommand } from '@aws-sdk/client-cloudwatch-logs';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { Server, createServer } from 'http';
import { AddressInfo } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { eraseCommand } from '../../lib/log-tooling/erase-command';
import { findLogGroups } from '../../lib/log-tooling/estate-log-groups';
import { ReceiptRecord } from '../../lib/log-tooling/receipt';
import { describeStacks, listStackResources } from './support/recorded';
import { LoopbackLogs, startLoopbackLogs } from './support/cloudwatch-logs';
import { LoopbackS3, startLoopbackS3 } from './support/s3-server';

const BUCKET = 'estate-logs-cwl';
const IP = '198.51.100.23';
const EMAIL = 'Renée@example.org';
const DAY = 86_400_000;
const T0 = Date.parse('2024-05-01T12:00:00Z');

let s3: LoopbackS3;
let logs: LoopbackLogs;
let work: string;
beforeAll(async () => {
  s3 = await startLoopbackS3([BUCKET]);
  logs = await startLoopbackLogs();
  process.env.AWS_ENDPOINT_URL_CLOUDWATCH_LOGS = logs.endpoint;
  work = mkdtempSync(join(tmpdir(), 'erase-cwl-'));
});
afterAll(async () => {
  delete process.env.AWS_ENDPOINT_URL_CLOUDWATCH_LOGS;
  await logs.stop();
  await s3.stop();
  rmSync(work, { recursive: true, force: true });
});

beforeEach(() => {
  logs.groups.clear();
  logs.groups.set('/estate/forum/nginx', {
    retentionInDays: 14,
    events: [
      { logStreamName: 'i-0abc/nginx', timestamp: T0, message: `${IP} - - "GET /t/1 HTTP/1.1" 200` },
      { logStreamName: 'i-0abc/nginx', timestamp: T0 + 1000, message: '203.0.113.9 - - "GET / HTTP/1.1" 200' },
      { logStreamName: 'i-0def/nginx', timestamp: T0 + 5 * DAY, message: `10.0.0.1 - - "GET /u?email=${encodeURIComponent(EMAIL)} HTTP/1.1" 200` },
      { logStreamName: 'i-0fed/nginx', timestamp: T0 + 6 * DAY, message: '203.0.113.10 - - "GET / HTTP/1.1" 200' },
    ],
  });
  logs.groups.set('/estate/appman/app', { events: [{ logStreamName: 'web/1', timestamp: T0, message: `login ok for RENÉE@EXAMPLE.ORG` }] });
  logs.groups.set('/estate/vpc/flow', { retentionInDays: 30, events: [{ logStreamName: 'eni-1', timestamp: T0, message: '2 123 eni-1 10.0.0.5 10.0.0.6 443 5000 6 1 40 ACCEPT OK' }] });
});

const GROUPS = ['/estate/forum/nginx', '/estate/appman/app', '/estate/vpc/flow', '/aws/lambda/never-logged'];
const args = (extra: string[]) => ['--ip', IP, '--match', EMAIL, '--bucket', BUCKET, ...GROUPS.flatMap((g) => ['--log-group', g]), ...extra];
const run = async (argv: string[]) => {
  const out: string[] = [];
  const code = await eraseCommand(argv, { estateName: 'Estate', cwd: work, out: (t) => out.push(t), err: () => undefined });
  return { code, out: out.join('\n') };
};

test('every log group is searched; each match is reported with the date it expires, and nothing is deleted', async () => {
  const receipt = join(work, 'report.jsonl');
  const { code, out } = await run(args(['--receipt', receipt]));
  expect(code).toBe(0);
  expect(out).toContain('CloudWatch Logs: searched 4 log group(s); 2 hold events about the person.');
  expect(out).toMatch(new RegExp(`/estate/forum/nginx\\s+2\\s+${new Date(T0 + 19 * DAY).toISOString()}\\s+kept until expiry`));
  expect(out).toMatch(/\/estate\/appman\/app\s+1\s+never \(no retention set\)/);
  expect(out).not.toContain('/estate/vpc/flow');
  expect(logs.groups.get('/estate/forum/nginx')!.events).toHaveLength(4);

  const records = readFileSync(receipt, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as ReceiptRecord);
  expect(records.filter((r) => r.type === 'log-group')).toEqual([
    expect.objectContaining({ logGroup: '/estate/forum/nginx', matches: 2, retentionDays: 14, expiresBy: new Date(T0 + 19 * DAY).toISOString(), streamsDeleted: 0 }),
    expect.objectContaining({ logGroup: '/estate/appman/app', matches: 1, streamsDeleted: 0 }),
  ]);
  const text = readFileSync(receipt, 'utf8') + out;
  for (const form of [IP, EMAIL, encodeURIComponent(EMAIL), 'renée']) expect(text.toLowerCase()).not.toContain(form.toLowerCase());
  // Every page was read (the stand-in pages two events at a time).
  expect(logs.calls.filter((c) => c === 'FilterLogEvents').length).toBeGreaterThanOrEqual(4);
});

test('--delete-log-streams deletes only the streams holding a match', async () => {
  const { code, out } = await run(args(['--receipt', join(work, 'delete.jsonl'), '--delete-log-streams']));
  expect(code).toBe(0);
  expect(out).toMatch(/\/estate\/forum\/nginx\s+2\s+\S+\s+2 stream\(s\) deleted/);
  expect(logs.groups.get('/estate/forum/nginx')!.events.map((e) => e.logStreamName)).toEqual(['i-0fed/nginx']);
  expect(logs.groups.get('/estate/appman/app')!.events).toEqual([]);
  expect(logs.groups.get('/estate/vpc/flow')!.events).toHaveLength(1);
});

test('--dry-run never deletes a stream', async () => {
  await run(args(['--receipt', join(work, 'dry.jsonl'), '--delete-log-streams', '--dry-run']));
  expect(logs.groups.get('/estate/forum/nginx')!.events).toHaveLength(4);
});

test('the stand-in refuses what it does not model', async () => {
  const client = new CloudWatchLogsClient({});
  await expect(client.send(new PutRetentionPolicyCommand({ logGroupName: '/estate/vpc/flow', retentionInDays: 1 }))).rejects.toThrow(/Unknown operation/);
  client.destroy();
});

describe("the estate's log groups come from its stacks' resources", () => {
  let cfn: Server;
  afterAll(() => new Promise((resolve) => cfn.close(resolve)));

  test('every AWS::Logs::LogGroup and each function default group of the estate stacks', async () => {
    cfn = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
        res.writeHead(200, { 'content-type': 'text/xml' });
        if (form.get('Action') === 'DescribeStacks') {
          res.end(describeStacks({ 'Estate-Logs': {}, 'Estate-Forum': {}, 'Other-App': {} }));
        } else if (form.get('Action') === 'ListStackResources') {
          const byStack: Record<string, Record<string, [string, string]>> = {
            'Estate-Logs': { Fn: ['AWS::Lambda::Function', 'Estate-Logs-AnonymizerFn-1'], Group: ['AWS::Logs::LogGroup', 'Estate-Logs-AnonymizerLogGroup-1'] },
            'Estate-Forum': { Nginx: ['AWS::Logs::LogGroup', '/estate/forum/nginx'], Bucket: ['AWS::S3::Bucket', 'forum-backups'] },
            'Other-App': { Group: ['AWS::Logs::LogGroup', 'not-ours'] },
          };
          res.end(listStackResources(byStack[form.get('StackName') ?? ''] ?? {}));
        } else {
          res.writeHead(400).end();
        }
      });
    });
    await new Promise<void>((resolve) => cfn.listen(0, '127.0.0.1', resolve));
    const client = new CloudFormationClient({ endpoint: `http://127.0.0.1:${(cfn.address() as AddressInfo).port}`, region: 'eu-west-1' });
    expect(await findLogGroups(client, 'Estate')).toEqual(['/aws/lambda/Estate-Logs-AnonymizerFn-1', '/estate/forum/nginx', 'Estate-Logs-AnonymizerLogGroup-1']);
    client.destroy();
  });
});
