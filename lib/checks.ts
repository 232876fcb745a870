import { App, Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { EstateConfig, SITE_KEYS } from './config';
import { PrivacyChecks } from './privacy/privacy-checks';

/**
 * Registers the rule packs every synth of the estate runs. An unacknowledged
 * error-level finding fails synth.
 */
export function addPolicyChecks(app: App, config: EstateConfig): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  Validations.of(app).addPlugins(privacyChecks(app, config));
}

/** The privacy pack with the estate's own thresholds: the same numbers the policy page publishes. */
export function privacyChecks(app: App, config: EstateConfig): PrivacyChecks {
  return new PrivacyChecks(app, {
    allowedRegions: config.allowedRegions,
    maxLogRetentionDays: config.maxLogRetentionDays,
    maxBackupRetentionDays: config.maxBackupRetentionDays,
    cookieAllowlists: siteCookieAllowlists(app, config),
  });
}

/**
 * Each site's cookie allowlist, keyed by the path of the stack that serves it.
 * Stacks are named `<estate name>-<Site>…` (e.g. `Estate-MainSite`), so a site's
 * stack is the one whose id starts with `<estate name>-<site key>`.
 */
export function siteCookieAllowlists(app: App, config: EstateConfig): Record<string, string[]> {
  const stacks = app.node.children.filter((c): c is Stack => Stack.isStack(c));
  const lists: Record<string, string[]> = {};
  for (const key of SITE_KEYS) {
    const site = config.sites[key];
    if (!site) continue;
    const prefix = `${config.name}-${key}`.toLowerCase();
    for (const stack of stacks.filter((s) => s.node.id.toLowerCase().startsWith(prefix))) {
      lists[stack.node.path] = site.cookies.map((c) => c.name);
    }
  }
  return lists;
}
