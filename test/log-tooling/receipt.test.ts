import { ChildProcess, spawn } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { UsageError } from '../../lib/log-tooling/cli';
import { eraseCommand } from '../../lib/log-tooling/erase-command';
import { ReceiptRecord, hashIdentifier } from '../../lib/log-tooling/receipt';
import { cloudFrontLog } from './support/fixtures';
import { getText, put } from './support/objects';
import { LoopbackS3, startLoopbackS3 } from './support/s3-server';

const BUCKET = 'estate-logs-receipt';
const ROOT = join(__dirname, '..', '..');
const IP = '203.0.113.77';
const EMAIL = 'Zoë.Ångström@example.org';
const KEYS = [1, 2, 3, 4, 5].map((i) => `cloudfront/main/E1.2024-05-01-1${i}.x.gz`);

let server: LoopbackS3;
let work: string;
beforeAll(async () => {
  server = await startLoopbackS3([BUCKET]);
  work = mkdtempSync(join(tmpdir(), 'erase-receipt-'));
});
afterAll(async () => {
  await server.stop();
  rmSync(work, { recursive: true, force: true });
});

/** A CloudFront log with the address on line 4 and the email (percent-encoded) on line 9. */
function target(seed: number): string {
  const lines = cloudFrontLog(12, seed).text.split('\n');
  const set = (i: number, field: number, value: string) => {
    const f = lines[i].split('\t');
    f[field] = value;
    lines[i] = f.join('\t');
  };
  set(4, 4, IP);
  set(9, 11, `email=${encodeURIComponent(EMAIL)}`);
  return lines.join('\n');
}

const records = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as ReceiptRecord);
const objectRecords = (path: string) => records(path).flatMap((r) => (r.type === 'object' ? [r] : []));
const out: string[] = [];
const ctx = () => ({ estateName: 'Estate', cwd: work, out: (t: string) => out.push(t), err: () => undefined });

beforeEach(async () => {
  for (const [i, key] of KEYS.entries()) await put(server.client, BUCKET, key, target(i + 1), true);
  await put(server.client, BUCKET, 's3-access/site/2024-05-01', 'nothing about the person here\n');
});

test('the receipt records the request, every object and the summary, and never an identifier in clear', async () => {
  const path = join(work, 'plain.jsonl');
  expect(await eraseCommand(['--ip', IP, '--match', EMAIL, '--bucket', BUCKET, '--receipt', path], ctx())).toBe(0);
  const all = records(path);
  const request = all[0];
  expect(request).toMatchObject({ type: 'request', buckets: [BUCKET], dryRun: false, requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  if (request.type !== 'request') throw new Error('first record is not the request');
  expect(request.identifiers).toEqual([
    { kind: 'ip', hash: hashIdentifier(request.salt, 'ip', IP) },
    { kind: 'match', hash: hashIdentifier(request.salt, 'match', EMAIL.toUpperCase()) },
  ]);
  expect(objectRecords(path).map((r) => [r.key, r.status, r.lines])).toEqual([
    ...KEYS.map((k) => [k, 'rewritten', 2]),
    ['s3-access/site/2024-05-01', 'unchanged', 0],
  ]);
  expect(all[all.length - 1]).toMatchObject({ type: 'summary', objectsScanned: 6, linesMatched: 10, objectsRewritten: 5, objectsFailed: 0 });

  const text = readFileSync(path, 'utf8');
  for (const form of [IP, EMAIL, EMAIL.toLowerCase(), encodeURIComponent(EMAIL), 'Zoë', 'Ångström', 'example.org', '203.0.113']) {
    expect(text.toLowerCase()).not.toContain(form.toLowerCase());
  }
  expect(out.join('\n')).not.toContain(IP);
});

test('a receipt is never overwritten, and a resume needs the same identifiers', async () => {
  const path = join(work, 'plain.jsonl');
  await expect(eraseCommand(['--ip', IP, '--bucket', BUCKET, '--receipt', path], ctx())).rejects.toThrow(/--receipt: .* already exists/);
  await expect(eraseCommand(['--ip', IP, '--resume', path], ctx())).rejects.toThrow(UsageError);
  await expect(eraseCommand(['--ip', IP, '--match', 'someone@else.org', '--resume', path], ctx())).rejects.toThrow(/not the 2 identifier/);
  await expect(eraseCommand(['--ip', IP, '--resume', join(work, 'missing.jsonl')], ctx())).rejects.toThrow(/--resume: .* does not exist/);
});

describe('a run killed midway resumes from its receipt', () => {
  let child: ChildProcess | undefined;
  afterEach(() => child?.kill('SIGKILL'));

  test('without rewriting an object twice', async () => {
    const path = join(work, 'killed.jsonl');
    const puts = new Map<string, number>();
    server.fault = (method, url) => {
      const key = decodeURIComponent(url.split('?')[0]).replace(`/${BUCKET}/`, '');
      if (method === 'PUT') puts.set(key, (puts.get(key) ?? 0) + 1);
      return false;
    };
    // The third object's first read is held; the process is killed there, after two objects.
    const gate = server.gate((method, url) => method === 'GET' && url.includes(encodeURIComponent(KEYS[2]).replace(/%2F/g, '/')));
    child = spawn(process.execPath, ['-r', 'ts-node/register', 'bin/erase.ts', '--ip', IP, '--match', EMAIL, '--bucket', BUCKET, '--receipt', path], {
      cwd: ROOT,
      env: process.env,
      stdio: 'ignore',
    });
    await gate.reached;
    expect(objectRecords(path).map((r) => [r.key, r.status])).toEqual([
      [KEYS[0], 'rewritten'],
      [KEYS[1], 'rewritten'],
    ]);
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    gate.release();
    expect(records(path).some((r) => r.type === 'summary')).toBe(false);

    try {
      expect(await eraseCommand(['--ip', IP, '--match', EMAIL, '--resume', path], ctx())).toBe(0);
    } finally {
      server.fault = undefined;
    }
    expect(objectRecords(path).map((r) => [r.key, r.status])).toEqual([
      ...KEYS.map((k) => [k, 'rewritten']),
      ['s3-access/site/2024-05-01', 'unchanged'],
    ]);
    expect(KEYS.map((k) => puts.get(k))).toEqual([1, 1, 1, 1, 1]);
    for (const key of KEYS) {
      const text = await getText(server.client, BUCKET, key);
      expect(text).not.toContain(IP);
      expect(text).not.toContain(encodeURIComponent(EMAIL));
    }
    expect(records(path).filter((r) => r.type === 'resumed')).toHaveLength(1);
  }, 60_000);
});

test('without --receipt, the receipt goes under the working folder', async () => {
  out.length = 0;
  await eraseCommand(['--ip', IP, '--bucket', BUCKET, '--dry-run'], ctx());
  const path = /Receipt: (\S+)/.exec(out.join('\n'))![1];
  expect(path.startsWith(join(work, 'erasure-receipts'))).toBe(true);
  expect(existsSync(path)).toBe(true);
});
