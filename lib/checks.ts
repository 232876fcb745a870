import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { EstateConfig } from './config';
import { PrivateDistribution } from './constructs/private-distribution';
import { DeployReadinessChecks } from './deploy-readiness/deploy-readiness-checks';
import { PrivacyChecks } from './privacy/privacy-checks';

/**
 * Registers the rule packs every synth of the estate runs. An unacknowledged
 * error-level finding fails synth. DeployReadinessChecks catches what CloudFormation
 * or a service would refuse during `cdk deploy`.
 */
export function addPolicyChecks(app: App, config: EstateConfig): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  Validations.of(app).addPlugins(privacyChecks(app, config));
  Validations.of(app).addPlugins(new DeployReadinessChecks(app));
}

/** The privacy pack with the estate's own thresholds: the same numbers the policy page publishes. */
export function privacyChecks(app: App, config: EstateConfig): PrivacyChecks {
  return new PrivacyChecks(app, {
    allowedRegions: config.allowedRegions,
    maxLogRetentionDays: config.maxLogRetentionDays,
    maxBackupRetentionDays: config.maxBackupRetentionDays,
    cookieAllowlists: siteCookieAllowlists(app, config),
    // The estate holds itself to the data-safety group too (encryption, deletion protection, retain).
    dataSafety: true,
    // Privacy findings are fixed, never acknowledged, in the estate: the report offers no acknowledgment.
    noAcknowledgments: true,
  });
}

/**
 * Each site's cookie allowlist, keyed by the path of the PrivateDistribution that
 * serves it: the rules apply a list to the cache and origin-request policies under
 * that path.
 */
export function siteCookieAllowlists(app: App, config: EstateConfig): Record<string, string[]> {
  const lists: Record<string, string[]> = {};
  for (const construct of app.node.findAll()) {
    if (!(construct instanceof PrivateDistribution)) continue;
    lists[construct.node.path] = (config.sites[construct.siteKey]?.cookies ?? []).map((c) => c.name);
  }
  return lists;
}
