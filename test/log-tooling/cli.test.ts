import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { execFile } from 'child_process';
import { Server, createServer } from 'http';
import { AddressInfo } from 'net';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { promisify } from 'util';
import { UsageError } from '../../lib/log-tooling/cli';
import { eraseCommand } from '../../lib/log-tooling/erase-command';
import { findLogBuckets } from '../../lib/log-tooling/estate-buckets';
import { albLog } from './support/fixtures';
import { getText, put } from './support/objects';
import { describeStacks } from './support/recorded';
import { LoopbackS3, startLoopbackS3 } from './support/s3-server';

const BUCKET = 'estate-logs-cli';
const ROOT = join(__dirname, '..', '..');
let s3: LoopbackS3;
let cfn: Server;
let cfnEndpoint: string;
const work = mkdtempSync(join(tmpdir(), 'erase-cli-'));
const log = albLog(6);
const ip = log.clientIps[2];

beforeAll(async () => {
  s3 = await startLoopbackS3([BUCKET]);
  await put(s3.client, BUCKET, 'alb/appman/x.log', log.text);
  // CloudFormation's DescribeStacks, as AWS answers it, for two estates in one account.
  cfn = createServer((req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'text/xml' });
    res.end(describeStacks({ 'Estate-Logs': { LogBucketName: BUCKET, Other: 'x' }, 'Estate-MainSite': { ContentBucket: 'content' }, 'Other-Logs': { LogBucketName: 'not-ours' } }));
  });
  await new Promise<void>((resolve) => cfn.listen(0, '127.0.0.1', resolve));
  cfnEndpoint = `http://127.0.0.1:${(cfn.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => cfn.close(resolve));
  await s3.stop();
  rmSync(work, { recursive: true, force: true });
});

test("the deployed estate's log buckets come from its stacks' LogBucketName outputs", async () => {
  const client = new CloudFormationClient({ endpoint: cfnEndpoint, region: 'eu-west-1' });
  expect(await findLogBuckets(client, 'Estate')).toEqual([BUCKET]);
  await expect(findLogBuckets(client, 'Missing')).rejects.toThrow(/"Missing".*LogBucketName.*--bucket <name>/);
});

describe('eraseCommand', () => {
  const run = async (argv: string[]) => {
    const out: string[] = [];
    const code = await eraseCommand(argv, { estateName: 'Estate', cwd: work, out: (t) => out.push(t), err: () => undefined });
    return { code, out: out.join('\n') };
  };

  test('usage errors name the option', async () => {
    await expect(run(['--bucket', BUCKET])).rejects.toThrow(UsageError);
    await expect(run(['--ip', 'nope', '--bucket', BUCKET])).rejects.toThrow(/--ip: "nope"/);
    await expect(run(['--ipp', ip])).rejects.toThrow(UsageError);
  });

  test('the report lists keys and counts, never the identifier itself', async () => {
    const { code, out } = await run(['--ip', ip, '--bucket', BUCKET, '--dry-run']);
    expect(code).toBe(0);
    expect(out).toMatch(/estate-logs-cli\s+alb\/appman\/x\.log\s+1\s+would-rewrite/);
    expect(out).toContain('Dry run, nothing changed. Scanned 1 objects in 1 bucket(s): 1 object(s) would be rewritten, 1 line(s) would be removed');
    expect(out).not.toContain(ip);
    expect(out).toMatch(/Receipt: .*erasure-receipts\/erasure-.*\.jsonl/);
    expect(out).toMatch(/Recheck after \d{4}-\d\d-\d\dT[\s\S]*--resume /);
  });
});

test('npm run erase and npm run verify work end to end through the SDK environment', async () => {
  const env = { ...process.env, AWS_ENDPOINT_URL_CLOUDFORMATION: cfnEndpoint };
  const exec = promisify(execFile);
  const receipt = join(work, 'e2e.jsonl');
  const erased = await exec('npm', ['run', '--silent', 'erase', '--', '--ip', ip, '--receipt', receipt], { cwd: ROOT, env });
  expect(erased.stdout).toMatch(/alb\/appman\/x\.log\s+1\s+rewritten/);
  expect(await getText(s3.client, BUCKET, 'alb/appman/x.log')).not.toContain(ip);
  expect(readFileSync(receipt, 'utf8')).toContain('"status":"rewritten"');
  // s3rver has no lifecycle API: verify must fail, and say so, with exit code 1.
  const verified = await exec('npm', ['run', '--silent', 'verify'], { cwd: ROOT, env }).then(
    () => ({ code: 0, stdout: '' }),
    (e: { code: number; stdout: string }) => e,
  );
  expect(verified.code).toBe(1);
  expect(verified.stdout).toMatch(/estate-logs-cli\s+lifecycle expiry\s+FAIL\s+could not read: NotImplemented/);
});
