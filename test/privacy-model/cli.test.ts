import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { synthesize } from './changes';

const ROOT = path.join(__dirname, '..', '..');

function run(args: string[]) {
  // The command's own synth runs with the schema validation off; the test's environment says nothing about it.
  const env = { ...process.env };
  delete env.CDK_VALIDATION;
  const r = spawnSync(process.execPath, ['-r', 'ts-node/register', 'bin/privacy-diff.ts', ...args], { cwd: ROOT, encoding: 'utf8', env });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run privacy-diff (the command line)', () => {
  test('--help prints the usage and exits 0', () => {
    const r = run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: npm run privacy-diff -- \(--base <git-ref> \| --base-dir <cdk\.out>\)/);
  });

  test.each([
    [[], /give exactly one of --base <git-ref> and --base-dir <cdk\.out>/],
    [['--base', 'HEAD', '--base-dir', 'cdk.out'], /give exactly one of/],
    [['--bogus'], /Unknown option '--bogus'/],
    [['--base', 'no-such-ref-anywhere'], /--base no-such-ref-anywhere: not a commit in this repository/],
    [['--base-dir', 'no/such/dir'], /--base-dir no\/such\/dir: not a synth output folder/],
  ])('%j is a usage mistake: exit 2, the message and the usage', (args, message) => {
    const r = run(args as string[]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toContain('Usage: npm run privacy-diff');
  });

  test('--base HEAD: checks out HEAD into a temporary folder, synthesizes it offline, compares, and leaves nothing behind', () => {
    const head = synthesize();
    const before = fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('privacy-diff-'));
    const r = run(['--base', 'HEAD', '--head-dir', head]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toMatch(new RegExp(`^## Privacy diff: HEAD \\([0-9a-f]{12}\\) → ${head.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    expect(fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('privacy-diff-'))).toEqual(before);
  });
});
