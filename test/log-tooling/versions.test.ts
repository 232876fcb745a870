import { erase } from '../../lib/log-tooling/erase';
import { eraseCommand } from '../../lib/log-tooling/erase-command';
import { VersionedBucketError } from '../../lib/log-tooling/erase-versions';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { albLog } from './support/fixtures';
import { getText, put } from './support/objects';
import { LoopbackS3, startLoopbackS3 } from './support/s3-server';

const BUCKET = 'estate-logs-versioned';
const KEY = 'alb/appman/x.log';
const log = albLog(8);
const ip = log.clientIps[3];
const clean = albLog(4, 77).text;

let server: LoopbackS3;
let work: string;
beforeAll(async () => {
  server = await startLoopbackS3([BUCKET]);
  work = mkdtempSync(join(tmpdir(), 'erase-versions-'));
  server.versioning.status.set(BUCKET, 'Enabled');
  await put(server.client, BUCKET, KEY, log.text);
  // Two older versions of the same key: one with the address, one without.
  server.versioning.keep(BUCKET, KEY, Buffer.from(log.text));
  server.versioning.keep(BUCKET, KEY, Buffer.from(clean));
});
afterAll(async () => {
  await server.stop();
  rmSync(work, { recursive: true, force: true });
});

test('erase refuses a versioned bucket without --include-versions, and changes nothing', async () => {
  await expect(erase(server.client, { ips: [ip], matches: [], buckets: [BUCKET], dryRun: false })).rejects.toThrow(VersionedBucketError);
  const out: string[] = [];
  const code = eraseCommand(['--ip', ip, '--bucket', BUCKET, '--receipt', join(work, 'refused.jsonl')], {
    estateName: 'Estate',
    out: (t) => out.push(t),
    err: () => undefined,
  });
  await expect(code).rejects.toThrow(/estate-logs-versioned has versioning Enabled.*Nothing was changed.*--include-versions/);
  expect(await getText(server.client, BUCKET, KEY)).toBe(log.text);
  expect(server.versioning.noncurrent(BUCKET)).toHaveLength(2);
});

test('--include-versions rewrites the current object and deletes every noncurrent version holding the identifier', async () => {
  const out: string[] = [];
  const code = await eraseCommand(['--ip', ip, '--bucket', BUCKET, '--include-versions', '--receipt', join(work, 'versions.jsonl')], {
    estateName: 'Estate',
    out: (t) => out.push(t),
    err: () => undefined,
  });
  expect(code).toBe(0);
  expect(await getText(server.client, BUCKET, KEY)).not.toContain(ip);
  // The seeded version with the address, and the version the rewrite itself left, are gone; the clean one stays.
  const left = server.versioning.noncurrent(BUCKET);
  expect(left.map((v) => v.body.toString())).toEqual([clean]);
  expect(out.join('\n')).toContain('2 noncurrent version(s) deleted.');
  expect(out.join('\n')).toMatch(/alb\/appman\/x\.log \(version v\d+\.\w+\)\s+1\s+version-deleted/);
});
