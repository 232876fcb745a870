import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { estateConfig } from '../../estate.config';
import { addPolicyChecks } from '../../lib/checks';
import { createEstate } from '../../lib/estate';
import { projectContext } from '../setup/estate';

/** The registration bin/estate.ts uses, synthesized for real into a temp folder. */
function synthWithChecks(addExtra?: (app: App) => void) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'estate-checks-'));
  const app = new App({ context: projectContext(), outdir });
  createEstate(app, estateConfig);
  addExtra?.(app);
  addPolicyChecks(app, estateConfig);
  return { outdir, synth: () => app.synth() };
}

describe('rule packs on synth', () => {
  test('the default estate synthesizes with both packs registered', () => {
    const { synth } = synthWithChecks();
    expect(() => synth()).not.toThrow();
  });

  test('an unacknowledged Privacy finding fails synth and lands in the validation report', () => {
    const { outdir, synth } = synthWithChecks((app) => {
      new Bucket(new Stack(app, 'Extra', { env: { region: 'eu-west-1' } }), 'NeverExpires', { enforceSSL: true });
    });
    expect(() => synth()).toThrow(/Privacy-S3BucketExpiry/);
    const report = JSON.parse(fs.readFileSync(path.join(outdir, 'validation-report.json'), 'utf8'));
    const rules = report.pluginReports.flatMap((p: { violations: { ruleName: string }[] }) => p.violations.map((v) => v.ruleName));
    expect(rules).toContain('Privacy-S3BucketExpiry');
  });
});
