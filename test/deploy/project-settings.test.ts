import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const cdkJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'cdk.json'), 'utf8'));
/** The flags aws-cdk-lib recommends for new projects (what `cdk init` writes and `cdk flags` compares against). */
const recommended: Record<string, unknown> = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'node_modules', 'aws-cdk-lib', 'recommended-feature-flags.json'), 'utf8'),
);

/**
 * Flags the estate sets away from the recommendation, each for a reason
 * (README "Feature flags" repeats them for operators).
 */
const DEVIATIONS: Record<string, { value: unknown; reason: string }> = {
  '@aws-cdk/core:enableAdditionalMetadataCollection': {
    value: false,
    reason: 'it widens the usage data CDK collects; the estate reports none (versionReporting is off too)',
  },
  '@aws-cdk/core:defaultCrossStackReferences': {
    value: 'strong',
    reason: 'CloudFormation exports stop the log archive from being deleted while a site still writes to it',
  },
  '@aws-cdk/aws-lambda:useCdkManagedLogGroup': {
    value: false,
    reason: 'its log groups never expire; boundLambdaLogs gives every function a log group with bounded retention',
  },
};

describe('cdk.json', () => {
  test('turns off CLI telemetry and version reporting', () => {
    // aws-cdk 2.1148 lib/cli/telemetry/collect-telemetry.ts: canCollectTelemetry reads context "cli-telemetry".
    expect(cdkJson.context['cli-telemetry']).toBe(false);
    // aws-cdk contextFromSettings: "versionReporting" false sets aws:cdk:disable-version-reporting.
    expect(cdkJson.versionReporting).toBe(false);
  });

  test('sets every recommended feature flag, so synth warns of none unconfigured', () => {
    const unset = Object.keys(recommended).filter((flag) => !(flag in cdkJson.context));
    expect(unset).toEqual([]);
  });

  test('follows each recommendation except the documented deviations', () => {
    const differing = Object.keys(recommended).filter((flag) => JSON.stringify(cdkJson.context[flag]) !== JSON.stringify(recommended[flag]));
    expect(differing.sort()).toEqual(Object.keys(DEVIATIONS).sort());
    for (const [flag, { value }] of Object.entries(DEVIATIONS)) expect(cdkJson.context[flag]).toEqual(value);
  });

  test('README documents the deviations and the telemetry settings', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    for (const flag of Object.keys(DEVIATIONS)) expect(readme).toContain(flag);
    expect(readme).toMatch(/cli-telemetry/);
    expect(readme).toMatch(/AWS::CDK::Metadata/);
  });
});
