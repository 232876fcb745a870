import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { estateConfig } from '../../estate.config';
import { privacyPolicy } from '../../privacy-policy';
import { createDeployableEstate, estateApp } from '../../lib/estate';
import { projectContext } from '../setup/estate';
import { SHAPES } from './shapes';

/**
 * Every documented deployment shape synthesizes offline: no context provider
 * call (nothing missing from the cloud assembly), no finding left by any
 * validation plugin (AwsSolutions, PrivacyChecks, CloudFormation Validate),
 * and no version-reporting resource.
 */
// CloudFormation Validate runs here as in `cdk synth` (test/setup/skip-cfn-validation.ts
// turns it off for the tests that only read templates).
delete process.env.CDK_VALIDATION;

describe.each(SHAPES)('synth with %s', (_name, shapeContext) => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'estate-shape-'));
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  // The CLI always passes `aws:cdk:version-reporting: true` unless cdk.json turns it
  // off; pass it here too so the App's own setting is what keeps metadata out.
  const app = estateApp({ outdir, context: { ...projectContext(), 'aws:cdk:version-reporting': true, ...shapeContext } });
  const estate = createDeployableEstate(app, estateConfig, privacyPolicy);
  const assembly = app.synth();

  test('needs no lookup', () => {
    expect(assembly.manifest.missing ?? []).toEqual([]);
    expect(fs.existsSync(path.join(outdir, 'cdk.context.json'))).toBe(false);
  });

  const reportFile = path.join(outdir, 'validation-report.json');
  const report = fs.existsSync(reportFile) ? JSON.parse(fs.readFileSync(reportFile, 'utf8')) : { pluginReports: [] };

  test("CDK's CloudFormation validation checked every template and passed", () => {
    const cfn = report.pluginReports.filter((p: { pluginName: string }) => p.pluginName === 'CloudFormation Validate');
    expect(cfn.map((p: { conclusion: string }) => p.conclusion)).toEqual(['success']);
  });

  test('leaves no unacknowledged finding', () => {
    const findings = report.pluginReports.flatMap((p: { pluginName: string; violations: { ruleName: string }[] }) =>
      p.violations.map((v) => `${p.pluginName}: ${v.ruleName}`),
    );
    expect(findings).toEqual([]);
  });

  test('uses the account and region it was given', () => {
    expect(estate.config.account).toBe(shapeContext.account);
    if (shapeContext.account) expect(assembly.stacks.every((s) => s.environment.account === shapeContext.account)).toBe(true);
    else expect(assembly.stacks.every((s) => s.environment.account === 'unknown-account')).toBe(true);
    expect(assembly.stacks.map((s) => s.environment.region).filter((r) => r !== 'us-east-1').every((r) => r === estateConfig.region)).toBe(true);
  });

  test('no template carries AWS::CDK::Metadata', () => {
    expect(assembly.stacks.length).toBeGreaterThanOrEqual(5);
    for (const stack of assembly.stacks) {
      const types = Object.values(stack.template.Resources ?? {}).map((r) => (r as { Type: string }).Type);
      expect(types).not.toContain('AWS::CDK::Metadata');
      expect(JSON.stringify(stack.template)).not.toContain('AWS::CDK::Metadata');
    }
  });
});
