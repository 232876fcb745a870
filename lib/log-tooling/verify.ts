import {
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketLocationCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  LifecycleRule,
  S3Client,
} from '@aws-sdk/client-s3';

/**
 * What is deployed, read back from S3 and compared with the policy: each log
 * bucket is in the EU, expires every object within the policy's days, blocks
 * public access, is encrypted at rest and is not versioned (a versioned bucket
 * keeps every rewritten or erased object as a noncurrent version).
 */

export interface VerifyPolicy {
  readonly allowedRegions: readonly string[];
  /** The longest any log may be kept, in days. */
  readonly maxLogDays: number;
}

export interface CheckResult {
  readonly bucket: string;
  readonly check: 'region' | 'lifecycle expiry' | 'public access block' | 'encryption' | 'versioning' | 'anonymizer failures';
  readonly ok: boolean;
  readonly detail: string;
}

export async function verifyBucket(s3: S3Client, bucket: string, policy: VerifyPolicy): Promise<CheckResult[]> {
  const run = async (check: CheckResult['check'], fn: () => Promise<{ ok: boolean; detail: string }>): Promise<CheckResult> => {
    try {
      return { bucket, check, ...(await fn()) };
    } catch (error) {
      return { bucket, check, ok: false, detail: describeError(error) };
    }
  };
  return Promise.all([
    run('region', async () => {
      const { LocationConstraint } = await s3.send(new GetBucketLocationCommand({ Bucket: bucket }));
      return regionCheck(LocationConstraint, policy.allowedRegions);
    }),
    run('lifecycle expiry', async () => {
      const { Rules } = await s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: bucket }));
      return lifecycleCheck(Rules ?? [], policy.maxLogDays);
    }),
    run('public access block', async () => {
      const { PublicAccessBlockConfiguration: c } = await s3.send(new GetPublicAccessBlockCommand({ Bucket: bucket }));
      const off = (['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'] as const).filter((k) => c?.[k] !== true);
      return off.length === 0 ? { ok: true, detail: 'all four settings on' } : { ok: false, detail: `off: ${off.join(', ')}` };
    }),
    run('encryption', async () => {
      const { ServerSideEncryptionConfiguration: c } = await s3.send(new GetBucketEncryptionCommand({ Bucket: bucket }));
      const algorithms = (c?.Rules ?? []).map((r) => r.ApplyServerSideEncryptionByDefault?.SSEAlgorithm).filter(Boolean);
      return algorithms.length > 0 ? { ok: true, detail: `default ${algorithms.join(', ')}` } : { ok: false, detail: 'no default encryption rule' };
    }),
    run('versioning', async () => versioningCheck((await s3.send(new GetBucketVersioningCommand({ Bucket: bucket }))).Status)),
  ]);
}

/**
 * The log bucket is unversioned by design: with versioning on (or suspended after
 * being on), an erased or anonymized object lives on as a noncurrent version until
 * it expires, and `npm run erase` refuses to run without --include-versions.
 */
export function versioningCheck(status: string | undefined): { ok: boolean; detail: string } {
  if (!status) return { ok: true, detail: 'never versioned' };
  return {
    ok: false,
    detail: `versioning ${status}: rewritten and deleted objects are kept as noncurrent versions; erase needs --include-versions`,
  };
}

/** GetBucketLocation answers null for us-east-1 and `EU` for the legacy name of eu-west-1. */
export function regionCheck(locationConstraint: string | undefined | null, allowed: readonly string[]): { ok: boolean; detail: string } {
  const region = !locationConstraint ? 'us-east-1' : locationConstraint === 'EU' ? 'eu-west-1' : locationConstraint;
  return allowed.includes(region) ? { ok: true, detail: region } : { ok: false, detail: `${region} is not one of the allowed regions (${allowed.join(', ')})` };
}

/** An enabled rule for the whole bucket must expire objects within `maxDays`. */
export function lifecycleCheck(rules: readonly LifecycleRule[], maxDays: number): { ok: boolean; detail: string } {
  const wholeBucket = rules.filter((r) => r.Status === 'Enabled' && coversWholeBucket(r) && r.Expiration?.Days !== undefined);
  if (wholeBucket.length === 0) {
    return { ok: false, detail: 'no enabled lifecycle rule expires every object after a number of days' };
  }
  const days = Math.min(...wholeBucket.map((r) => r.Expiration!.Days!));
  return days <= maxDays
    ? { ok: true, detail: `objects expire after ${days} days (policy: at most ${maxDays})` }
    : { ok: false, detail: `objects expire after ${days} days; the policy allows at most ${maxDays}` };
}

function coversWholeBucket(rule: LifecycleRule): boolean {
  const f = rule.Filter;
  if (rule.Prefix) return false;
  if (!f) return true;
  return !f.Prefix && !f.Tag && !f.And && f.ObjectSizeGreaterThan === undefined && f.ObjectSizeLessThan === undefined;
}

export function describeError(error: unknown): string {
  const e = error as { name?: string; message?: string };
  if (e.name === 'NoSuchLifecycleConfiguration') return 'no lifecycle configuration: logs would be kept forever';
  if (e.name === 'NoSuchPublicAccessBlockConfiguration') return 'no public access block on the bucket';
  if (e.name === 'ServerSideEncryptionConfigurationNotFoundError') return 'no default encryption';
  return `could not read: ${e.name ?? 'Error'}: ${e.message ?? String(error)}`;
}
