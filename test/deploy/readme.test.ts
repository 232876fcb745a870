import * as fs from 'fs';
import * as path from 'path';
import { contextArgs, SHAPES } from './shapes';

/**
 * The README's commands are the ones CI runs: each synth shape it documents is
 * one .ci/run synthesizes (and synth-shapes.test.ts checks), each `npm run`
 * is a real script whose --help .ci/run and operator-cli.test.ts exercise, and
 * the Node versions it states are the workflow's matrix.
 */
const ROOT = path.join(__dirname, '..', '..');
const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const ciRun = fs.readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8').replace(/\\\n\s*/g, '');
const workflow = fs.readFileSync(path.join(ROOT, '.github', 'workflows', 'ci.yml'), 'utf8');
const scripts = Object.keys(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts);

/** The `-c key=value` pairs of a command line, as a map. */
function contextOf(line: string): Record<string, string> {
  return Object.fromEntries([...line.matchAll(/-c (\w+)=(\S+)/g)].map((m) => [m[1], m[2]]));
}

const cdkLines = readme.split('\n').filter((l) => /^npx cdk (synth|diff|deploy)/.test(l.trim()));

describe('README', () => {
  test('documents the three synth shapes, each synthesized by .ci/run', () => {
    for (const [, context] of SHAPES) {
      const line = `npx cdk synth ${contextArgs(context)}`.trim();
      expect(readme).toContain(line);
      expect(ciRun).toContain(`synth ${contextArgs(context)}`.trim());
    }
  });

  test('its diff and deploy commands use the documented domain shape', () => {
    // The roll-back example names a placeholder image (<previous image>) on purpose.
    const deployLike = cdkLines.filter((l) => /^npx cdk (diff|deploy|synth -q)/.test(l) && l.includes('-c ') && !l.includes('<'));
    expect(deployLike.length).toBeGreaterThanOrEqual(3);
    for (const line of deployLike) expect(contextOf(line)).toEqual(SHAPES[2][1]);
  });

  test('every npm run it names is a script, and each operator command answers --help in CI', () => {
    const named = [...new Set([...readme.matchAll(/npm run ([\w-]+)/g)].map((m) => m[1]))];
    expect(named).toEqual(expect.arrayContaining(['erase', 'verify', 'preview', 'evidence', 'privacy-diff']));
    for (const name of named) expect(scripts).toContain(name);
    expect(ciRun).toMatch(/for command in erase verify preview evidence privacy-diff; do\s+npm run --silent "\$command" -- --help/);
  });

  test('states the Node versions the workflow tests', () => {
    const matrix = /node-version: \[([^\]]+)\]/.exec(workflow)![1].split(',').map((v) => v.trim());
    expect(matrix).toEqual(['22', '24']);
    expect(readme).toMatch(/Node\.js 22 or 24/);
    expect(workflow).toMatch(/run: bash \.ci\/run/);
  });

  test('.ci/run removes cdk.out before each synth', () => {
    expect(ciRun).toMatch(/rm -rf cdk\.out\s+[\s\S]*npx cdk synth -q "\$@"/);
  });
});
