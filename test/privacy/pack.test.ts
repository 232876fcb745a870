import { readdirSync } from 'fs';
import { join, parse } from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { NagMessageLevel } from 'cdk-nag';
import { estateConfig } from '../../estate.config';
import { privacyChecks } from '../../lib/checks';
import { DATA_SAFETY_RULES, PrivacyChecks } from '../../lib/privacy/privacy-checks';

const RULE_FILES = readdirSync(join(__dirname, '../../lib/privacy/rules'))
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => parse(f).name);

describe('PrivacyChecks', () => {
  test('pins the rule ids and their levels (data-safety group on)', () => {
    expect(new PrivacyChecks(undefined, { dataSafety: true }).ruleLevels()).toEqual({
      'Privacy-DataResidency': NagMessageLevel.ERROR,
      'Privacy-DataDestinations': NagMessageLevel.ERROR,
      'Privacy-S3BucketExpiry': NagMessageLevel.ERROR,
      'Privacy-LogGroupRetention': NagMessageLevel.ERROR,
      'Privacy-LambdaBoundedLogs': NagMessageLevel.ERROR,
      'Privacy-ImplicitLogGroups': NagMessageLevel.ERROR,
      'Privacy-ContainerBoundedLogs': NagMessageLevel.ERROR,
      'Privacy-StoreRetention': NagMessageLevel.ERROR,
      'Privacy-CloudFrontNoCookieLogging': NagMessageLevel.ERROR,
      'Privacy-CloudFrontLogBucketExpiry': NagMessageLevel.ERROR,
      'Privacy-CloudFrontCookieFilter': NagMessageLevel.ERROR,
      'Privacy-CloudFrontFunctionCookies': NagMessageLevel.ERROR,
      'Privacy-CloudFrontNoAllCookies': NagMessageLevel.ERROR,
      'Privacy-CloudFrontCookieAllowlist': NagMessageLevel.ERROR,
      'Privacy-CloudFrontNoLambdaEdge': NagMessageLevel.ERROR,
      'Privacy-CloudFrontFunctionNoConsoleLog': NagMessageLevel.ERROR,
      'Privacy-CloudFrontResponseHeaders': NagMessageLevel.ERROR,
      'Privacy-CspNoThirdPartyCode': NagMessageLevel.ERROR,
      'Privacy-NoAnalyticsServices': NagMessageLevel.ERROR,
      'Privacy-NoGuestIdentities': NagMessageLevel.ERROR,
      'Privacy-NoAnalyticsInContent': NagMessageLevel.ERROR,
      'Privacy-NoTrackingHosts': NagMessageLevel.ERROR,
      'Privacy-SesNoOpenClickEvents': NagMessageLevel.ERROR,
      'Privacy-SesEngagementTrackingOff': NagMessageLevel.ERROR,
      'Privacy-NoTrackingSdkCalls': NagMessageLevel.ERROR,
      'Privacy-SesIdentityConfigurationSet': NagMessageLevel.ERROR,
      'Privacy-DatabaseBackupRetention': NagMessageLevel.ERROR,
      'Privacy-BackupPlanRetention': NagMessageLevel.ERROR,
      'Privacy-DataStoreEncrypted': NagMessageLevel.ERROR,
      'Privacy-DataStoreDeletionProtection': NagMessageLevel.ERROR,
      'Privacy-DataStoreRetainOnDelete': NagMessageLevel.ERROR,
      'Privacy-NoThirdPartyLogDelivery': NagMessageLevel.ERROR,
    });
  });

  test('every rule file is in the pack, under its file name', () => {
    const ids = new PrivacyChecks(undefined, { dataSafety: true }).ruleIds;
    expect([...ids].sort()).toEqual(RULE_FILES.map((f) => `Privacy-${f}`).sort());
  });

  test('runs the data-safety group only when asked', () => {
    const safety = DATA_SAFETY_RULES.map((r) => `Privacy-${r}`);
    const byDefault = new PrivacyChecks().ruleIds;
    const strict = new PrivacyChecks(undefined, { dataSafety: true }).ruleIds;
    for (const id of safety) {
      expect(byDefault).not.toContain(id);
      expect(strict).toContain(id);
    }
    expect(strict.length - byDefault.length).toBe(safety.length);
  });

  test('encryption at rest runs by default: it protects personal data, not only against loss', () => {
    expect(new PrivacyChecks().ruleIds).toContain('Privacy-DataStoreEncrypted');
    expect(DATA_SAFETY_RULES).not.toContain('DataStoreEncrypted');
  });

  test('the estate registers the strict set', () => {
    const pack = privacyChecks(new App(), estateConfig);
    for (const r of DATA_SAFETY_RULES) expect(pack.ruleIds).toContain(`Privacy-${r}`);
  });

  test('is a validation plugin named PrivacyChecks with pack name Privacy', () => {
    const pack = new PrivacyChecks();
    expect(pack.name).toBe('PrivacyChecks');
    expect(pack.readPackName).toBe('Privacy');
  });

  test('fails synth through Validations like any cdk-nag pack', () => {
    const app = new App();
    const stack = new Stack(app, 'S', { env: { region: 'us-east-1' } });
    new s3.Bucket(stack, 'B');
    Validations.of(app).addPlugins(new PrivacyChecks(app));
    // In-memory synth (as in tests) throws the validation report instead of printing it.
    expect(() => app.synth()).toThrow(/Privacy-DataResidency[\s\S]*Privacy-S3BucketExpiry/);
  });

  test('rejects thresholds that promise nothing, naming the field', () => {
    expect(() => new PrivacyChecks(undefined, { maxLogRetentionDays: 0 })).toThrow(/maxLogRetentionDays: 0/);
    expect(() => new PrivacyChecks(undefined, { allowedRegions: [] })).toThrow(/allowedRegions/);
  });
});

describe('what synth prints for a finding', () => {
  function synthError(props: { noAcknowledgments?: boolean }): string {
    const app = new App();
    const stack = new Stack(app, 'Shop', { env: { account: '123456789012', region: 'eu-west-1' } });
    new s3.Bucket(stack, 'Logs', { enforceSSL: true });
    Validations.of(app).addPlugins(new PrivacyChecks(app, props));
    try {
      app.synth();
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error('expected synth to fail on the bucket without expiry');
  }

  test('each finding names the promise it protects and the fix', () => {
    const out = synthError({});
    expect(out).toContain('Shop/Logs/Resource');
    expect(out).toContain('Suggested fix: Protects "These logs are rotated periodically');
    expect(out).toContain('Add a whole-bucket lifecycle rule with expiration');
  });

  test('an app whose Privacy findings are never acknowledged (the estate) is not told how to acknowledge one', () => {
    const out = synthError({ noAcknowledgments: true });
    expect(out).toContain('Privacy-S3BucketExpiry');
    expect(out).not.toMatch(/Acknowledge with '[^']*Privacy/);
    // An adopter keeps cdk-nag's usual offer.
    expect(synthError({})).toMatch(/Acknowledge with '[^']*Privacy-S3BucketExpiry/);
  });
});
