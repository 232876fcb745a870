import { closest } from './schema';
import { EstateConfig } from './types';
import type { ConfigProblem } from './validate';

/**
 * Per-deployment values an ops engineer may pass with `cdk synth -c key=value`
 * instead of editing estate.config.ts. They overlay the file and then go through
 * the same `validateConfig` as everything else.
 */
export const CONTEXT_KEYS = ['account', 'region', 'domainName', 'hostedZoneId', 'appmanImage', 'forumAdminEmails', 'alertEmails'] as const;

/**
 * Context keys without a namespace that the CDK CLI itself reads or writes (cdk.json,
 * cdk.context.json). Namespaced keys (`@aws-cdk/...:flag`, `aws:cdk:...`, lookup
 * cache entries such as `availability-zones:account=...`) all contain a colon.
 */
const CLI_CONTEXT_KEYS = ['cli-telemetry', 'acknowledged-issue-numbers'];

/**
 * Problems with the context the CLI passed: a key the estate does not read (a typo
 * such as `-c regoin=...` would otherwise be ignored) and an empty value (which
 * would otherwise fall back to the file's value).
 */
export function contextProblems(context: Record<string, unknown>): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const [key, value] of Object.entries(context)) {
    if (key.includes(':') || CLI_CONTEXT_KEYS.includes(key)) continue;
    if (!(CONTEXT_KEYS as readonly string[]).includes(key)) {
      const guess = closest(key, CONTEXT_KEYS);
      problems.push({
        field: `-c ${key}`,
        value,
        fix: `unknown context key${guess ? `; did you mean -c ${guess}=...?` : '.'} The estate reads ${CONTEXT_KEYS.join(', ')}.`,
      });
    } else if (value === undefined || value === null || String(value).trim() === '') {
      problems.push({ field: `-c ${key}`, value, fix: `empty value; give one (-c ${key}=...) or leave -c ${key} out to use estate.config.ts.` });
    }
  }
  return problems;
}

export type ContextReader = (key: string) => unknown;

export function applyContext(config: EstateConfig, read: ContextReader): EstateConfig {
  const str = (key: string): string | undefined => {
    const v = read(key);
    return v === undefined || v === null || v === '' ? undefined : String(v);
  };
  const list = (key: string): string[] | undefined =>
    str(key)
      ?.split(',')
      .map((e) => e.trim())
      .filter((e) => e !== '');
  const account = str('account');
  const region = str('region');
  const domainName = str('domainName');
  const hostedZoneId = str('hostedZoneId');
  const appmanImage = str('appmanImage');
  const forumAdminEmails = list('forumAdminEmails');
  const alertEmails = list('alertEmails');

  const domain =
    domainName !== undefined || hostedZoneId !== undefined
      ? {
          name: domainName ?? config.domain?.name ?? '',
          hostedZoneId: hostedZoneId ?? config.domain?.hostedZoneId ?? '',
        }
      : config.domain;

  return {
    ...config,
    account: account ?? config.account,
    region: region ?? config.region,
    domain,
    alertEmails: alertEmails ?? config.alertEmails,
    sites: {
      ...config.sites,
      appman: config.sites.appman && appmanImage ? { ...config.sites.appman, image: appmanImage } : config.sites.appman,
      forum: config.sites.forum && forumAdminEmails ? { ...config.sites.forum, adminEmails: forumAdminEmails } : config.sites.forum,
    },
  };
}
