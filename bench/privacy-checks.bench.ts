import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { estateConfig } from '../estate.config';
import { privacyChecks } from '../lib/checks';
import { createEstate } from '../lib/estate';
import { median } from './timing';

const RUNS = 7;

/**
 * What PrivacyChecks adds to an estate synth: in one process, the wall time of
 * building and synthesizing the default estate, against the wall time of the
 * pack validating that same app (what `cdk synth` runs after writing templates).
 */
export async function run(): Promise<void> {
  const synth: number[] = [];
  const check: number[] = [];
  let resources = 0;
  for (let i = 0; i < RUNS; i++) {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-privacy-'));
    let t = process.hrtime.bigint();
    const app = new App({ outdir });
    createEstate(app, estateConfig);
    app.synth();
    synth.push(Number(process.hrtime.bigint() - t) / 1e6);

    t = process.hrtime.bigint();
    const report = privacyChecks(app, estateConfig).validateScope(app);
    check.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (!report.success) throw new Error(`default estate has Privacy findings: ${report.violations.map((v) => v.ruleName).join(', ')}`);
    resources = app.node.findAll().filter((c) => (c as { cfnResourceType?: string }).cfnResourceType).length;
    fs.rmSync(outdir, { recursive: true, force: true });
  }
  // The first run pays module loading and esbuild cold start; report the steady state.
  const s = median(synth.slice(1));
  const c = median(check.slice(1));
  console.log(`privacy-checks: ${resources} resources, estate build+synth median ${s.toFixed(0)} ms, PrivacyChecks median ${c.toFixed(1)} ms (${RUNS - 1} runs)`);
  console.log(`privacy-checks: overhead ${((c / s) * 100).toFixed(1)} % of synth (target ≤ 20 %)`);
}
