import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { median, timeCommand } from './timing';

const ROOT = path.join(__dirname, '..');
const CDK = path.join(ROOT, 'node_modules', '.bin', 'cdk');
const RUNS = 5;

/**
 * `cdk synth` wall time of the whole estate against a one-bucket app on the same
 * toolchain (ts-node with swc, same CLI), runs interleaved so machine noise hits both.
 */
export async function run(): Promise<void> {
  const estate: number[] = [];
  const oneBucket: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const out1 = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-estate-'));
    const out2 = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-one-'));
    estate.push(timeCommand(CDK, ['synth', '-q', '--output', out1], ROOT));
    oneBucket.push(timeCommand(CDK, ['synth', '-q', '--output', out2], path.join(ROOT, 'bench', 'one-bucket')));
  }
  const e = median(estate);
  const o = median(oneBucket);
  console.log(`synth: estate median ${e.toFixed(0)} ms, one-bucket app median ${o.toFixed(0)} ms (${RUNS} runs each)`);
  console.log(`synth: ratio estate / one-bucket = ${(e / o).toFixed(2)} (target ≤ 2)`);
}
