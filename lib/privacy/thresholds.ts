/**
 * The numbers and lists the privacy rules compare a template against. Every
 * default is the privacy policy's own promise, so `new PrivacyChecks(app)` with
 * no props checks the policy as written.
 */
export interface PrivacyThresholds {
  /**
   * Regions personal data may be stored in.
   * @default the AWS Regions in EU member states (eu-west-1, eu-west-3, eu-central-1, eu-north-1, eu-south-1, eu-south-2;
   *   not eu-central-2 Zurich or eu-west-2 London)
   */
  readonly allowedRegions?: readonly string[];
  /**
   * Longest a log may be kept: CloudWatch log group retention, and lifecycle
   * expiry of buckets that receive CloudFront standard logs.
   * @default 30
   */
  readonly maxLogRetentionDays?: number;
  /**
   * Longest a backup may be kept: RDS and cache backup retention, AWS Backup
   * deletion age.
   * @default 35
   */
  readonly maxBackupRetentionDays?: number;
  /**
   * Longest any object may stay in an S3 bucket not declared public content.
   * @default the larger of maxLogRetentionDays and maxBackupRetentionDays
   */
  readonly maxObjectRetentionDays?: number;
  /**
   * Per-site cookie allowlists, keyed by a construct path prefix (for example
   * `Estate-Appman`). A cache policy, origin request policy or legacy
   * forwarded-values block under that path may name only these cookies. Paths
   * under no key are not checked against a list.
   * @default no allowlists: only "all cookies" and "all except" are rejected
   */
  readonly cookieAllowlists?: Readonly<Record<string, readonly string[]>>;
}

/** Thresholds with every default filled in. */
export interface ResolvedThresholds {
  readonly allowedRegions: ReadonlySet<string>;
  readonly maxLogRetentionDays: number;
  readonly maxBackupRetentionDays: number;
  readonly maxObjectRetentionDays: number;
  readonly cookieAllowlists: ReadonlyArray<{ readonly scope: string; readonly cookies: ReadonlySet<string> }>;
}

export const DEFAULT_ALLOWED_REGIONS: readonly string[] = [
  'eu-west-1',
  'eu-west-3',
  'eu-central-1',
  'eu-north-1',
  'eu-south-1',
  'eu-south-2',
];
export const DEFAULT_MAX_LOG_RETENTION_DAYS = 30;
export const DEFAULT_MAX_BACKUP_RETENTION_DAYS = 35;

export function resolveThresholds(t: PrivacyThresholds = {}): ResolvedThresholds {
  const maxLog = positive('maxLogRetentionDays', t.maxLogRetentionDays ?? DEFAULT_MAX_LOG_RETENTION_DAYS);
  const maxBackup = positive('maxBackupRetentionDays', t.maxBackupRetentionDays ?? DEFAULT_MAX_BACKUP_RETENTION_DAYS);
  const regions = t.allowedRegions ?? DEFAULT_ALLOWED_REGIONS;
  if (regions.length === 0) {
    throw new Error('PrivacyChecks allowedRegions: [] allows no region at all; list the regions data may be stored in.');
  }
  return {
    allowedRegions: new Set(regions),
    maxLogRetentionDays: maxLog,
    maxBackupRetentionDays: maxBackup,
    maxObjectRetentionDays: positive('maxObjectRetentionDays', t.maxObjectRetentionDays ?? Math.max(maxLog, maxBackup)),
    // Longest prefix first, so the most specific scope wins.
    cookieAllowlists: Object.entries(t.cookieAllowlists ?? {})
      .map(([scope, cookies]) => ({ scope, cookies: new Set(cookies) }))
      .sort((a, b) => b.scope.length - a.scope.length),
  };
}

function positive(field: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`PrivacyChecks ${field}: ${value} is not a whole number of days ≥ 1; give the policy's maximum in days.`);
  }
  return value;
}
