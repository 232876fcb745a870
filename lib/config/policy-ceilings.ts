import { EstateConfig } from './types';

/**
 * The limits the published privacy policy sets, kept apart from the estate's settings
 * (privacy-policy.ts at the repository root, which CODEOWNERS assigns to whoever owns
 * the policy). estate.config.ts may be stricter, never looser: a change that raises a
 * ceiling is a change of the promise, reviewed by the policy's owner, and the privacy
 * diff shows it first.
 */
export interface PolicyCeilings {
  /** Regions the policy lets data live in (EU member states only). */
  readonly allowedRegions: readonly string[];
  /** Longest the policy lets logs be kept ("rotated periodically ... not kept indefinitely"). */
  readonly maxLogRetentionDays: number;
  /** Longest the policy lets backups be kept. */
  readonly maxBackupRetentionDays: number;
  /** Processors the policy names ("We do not share user information with any third party ... other than Shopify"). */
  readonly processors: readonly string[];
}

/** Where the estate writes the ceilings it was built under into the cloud assembly (the privacy diff reads them). */
export const POLICY_CEILINGS_METADATA = 'privacy:policy-ceilings';

type Fail = (field: string, value: unknown, fix: string) => void;

const OWNER = 'it is a ceiling of the privacy policy (privacy-policy.ts, owned by the policy\'s owner in CODEOWNERS)';

/** Each config field that is looser than the policy's ceiling. */
export function checkWithinPolicy(config: EstateConfig, policy: PolicyCeilings, fail: Fail): void {
  (config.allowedRegions ?? []).forEach((region, i) => {
    if (!policy.allowedRegions.includes(region)) {
      fail(`allowedRegions[${i}]`, region, `${OWNER} and allows only ${policy.allowedRegions.join(', ')}; remove it here, or propose the change there.`);
    }
  });
  for (const key of ['maxLogRetentionDays', 'maxBackupRetentionDays'] as const) {
    if (config[key] > policy[key]) {
      fail(key, config[key], `above ${policy[key]}: ${OWNER}; lower it to ${policy[key]} or less, or propose raising it there.`);
    }
  }
  (config.processors ?? []).forEach((p, i) => {
    if (!policy.processors.includes(p.name)) {
      fail(`processors[${i}].name`, p.name, `${OWNER} names only ${policy.processors.join(', ')} as processors; remove it here, or propose adding it there.`);
    }
  });
}
