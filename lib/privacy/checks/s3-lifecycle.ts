import { CfnResource } from 'aws-cdk-lib';
import { list, literal, literalNumber, props } from '../template/resolve';

/**
 * True when the bucket's lifecycle deletes every current object within `maxDays`
 * and, if the bucket is or was versioned, every noncurrent version too. Only
 * enabled rules that cover the whole bucket count: a rule limited to a prefix,
 * tag or object size leaves the other objects forever.
 */
export function bucketExpiresWithin(bucket: CfnResource, maxDays: number): boolean {
  const p = props(bucket);
  const rules = list(bucket, 'LifecycleConfiguration.Rules', p.LifecycleConfiguration?.Rules).filter(
    (r) => literal(bucket, 'LifecycleConfiguration.Rules[].Status', r.Status) === 'Enabled' && coversWholeBucket(bucket, r),
  );
  const within = (what: string, v: unknown) => {
    const days = literalNumber(bucket, what, v);
    return days !== undefined && days <= maxDays;
  };
  const current = rules.some((r) => within('ExpirationInDays', r.ExpirationInDays));
  const versioning = literal(bucket, 'VersioningConfiguration.Status', p.VersioningConfiguration?.Status);
  if (versioning === undefined) return current;
  const noncurrent = rules.some(
    (r) =>
      within('NoncurrentVersionExpiration.NoncurrentDays', r.NoncurrentVersionExpiration?.NoncurrentDays) ||
      within('NoncurrentVersionExpirationInDays', r.NoncurrentVersionExpirationInDays),
  );
  return current && noncurrent;
}

function coversWholeBucket(bucket: CfnResource, rule: Record<string, any>): boolean {
  const prefix = literal(bucket, 'LifecycleConfiguration.Rules[].Prefix', rule.Prefix);
  return (
    (prefix === undefined || prefix === '') &&
    list(bucket, 'TagFilters', rule.TagFilters).length === 0 &&
    rule.ObjectSizeGreaterThan === undefined &&
    rule.ObjectSizeLessThan === undefined
  );
}
