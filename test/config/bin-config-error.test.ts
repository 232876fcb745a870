import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');

/** Runs the app entry point the way the cdk CLI does: context and output dir through the environment. */
function runApp(context: Record<string, string>) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'estate-out-'));
  const result = spawnSync(process.execPath, ['-r', 'ts-node/register', 'bin/estate.ts'], {
    cwd: ROOT,
    env: { ...process.env, CDK_OUTDIR: outdir, CDK_CONTEXT_JSON: JSON.stringify(context) },
    encoding: 'utf8',
  });
  return { ...result, files: fs.readdirSync(outdir) };
}

describe('bin/estate.ts with a bad -c value', () => {
  test('stops with the field-named error and writes no templates', () => {
    const run = runApp({ region: 'us-east-1' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/region: "us-east-1" — not an EU region/);
    expect(run.files.filter((f) => f.endsWith('.template.json'))).toEqual([]);
  });

  test('a good -c value synthesizes every stack', () => {
    const run = runApp({ domainName: 'example.org', hostedZoneId: 'Z0123456789ABCDEFGHIJ' });
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.status).toBe(0);
    expect(run.files).toEqual(expect.arrayContaining(['Estate-Logs.template.json', 'Estate-MainSite.template.json', 'Estate-EdgeCertificates.template.json']));
  });
});
