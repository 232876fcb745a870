import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { UsageError } from '../log-tooling/cli';

/** One side of the diff: a synth output folder, and what a reviewer should know about how it was made. */
export interface SynthesizedSide {
  readonly label: string;
  readonly dir: string;
  readonly notes: readonly string[];
}

/** Every temporary folder of one run, removed by `cleanup()` whatever happened. */
export class Workspace {
  public readonly root = fs.mkdtempSync(path.join(os.tmpdir(), 'privacy-diff-'));
  public cleanup(): void {
    fs.rmSync(this.root, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
}

/** The working tree as it is, uncommitted changes included: the default head side. */
export function synthWorkingTree(repoRoot: string, ws: Workspace): Promise<SynthesizedSide> {
  return runSynth(repoRoot, path.join(ws.root, 'head.out'), 'working tree');
}

/**
 * A commit, checked out with `git archive` into the workspace (the repository's own
 * checkout and index are left alone) and synthesized there with this checkout's
 * node_modules, linked: no install, no network.
 */
export function synthGitRef(repoRoot: string, ref: string, ws: Workspace): Promise<SynthesizedSide> {
  const rev = spawnSync('git', ['-C', repoRoot, 'rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { encoding: 'utf8' });
  if (rev.status !== 0) throw new UsageError(`--base ${ref}: not a commit in this repository (git rev-parse found none).`);
  const sha = rev.stdout.trim();
  const src = path.join(ws.root, 'base.src');
  fs.mkdirSync(src);
  const archive = spawnSync('sh', ['-c', 'git -C "$1" archive --format=tar "$2" | tar -x -C "$3"', 'archive', repoRoot, sha, src], { encoding: 'utf8' });
  if (archive.status !== 0) throw new Error(`git archive ${ref} failed: ${archive.stderr.trim()}`);
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(src, 'node_modules'), 'dir');
  return runSynth(src, path.join(ws.root, 'base.out'), `${ref} (${sha.slice(0, 12)})`);
}

/** A synth output made earlier (`cdk.out` of another run). */
export function existingOutput(dir: string, option: string): SynthesizedSide {
  if (!fs.existsSync(path.join(dir, 'manifest.json'))) throw new UsageError(`${option} ${dir}: not a synth output folder (no manifest.json).`);
  return { label: dir, dir, notes: [] };
}

/**
 * `cdk synth` of the default deployment shape into `out`, offline (no notices
 * fetch). CDK's CloudFormation schema validation is skipped: the model reads the
 * templates, and `cdk synth` in CI runs it. A synth that fails its rule packs still
 * writes every template before it reports, so the diff can show what the change
 * does; only a synth that wrote no assembly (a config error) fails the command.
 */
function runSynth(cwd: string, out: string, label: string): Promise<SynthesizedSide> {
  const cdk = path.join(cwd, 'node_modules', 'aws-cdk', 'bin', 'cdk');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cdk, 'synth', '--quiet', '--no-notices', '--output', out], {
      cwd,
      env: { ...process.env, CDK_VALIDATION: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const tail = output.trim().split('\n').slice(-15).join('\n');
      if (!fs.existsSync(path.join(out, 'manifest.json'))) {
        reject(new Error(`cdk synth of ${label} wrote no templates (exit ${code}):\n${tail}`));
        return;
      }
      const notes = code === 0 ? [] : [`cdk synth of ${label} reported failed checks (exit ${code}); the templates it wrote are compared. Run \`npx cdk synth\` there for the findings.`];
      resolve({ label, dir: out, notes });
    });
  });
}
