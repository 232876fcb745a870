import { Disclosure } from './model';
import { referencedId, referencedIds, resources, SynthesizedStack, Template } from './templates';

/** Services that deliver logs into a bucket through its bucket policy. */
const LOG_DELIVERY_PRINCIPALS = ['logging.s3.amazonaws.com', 'delivery.logs.amazonaws.com', 'logdelivery.elasticloadbalancing.amazonaws.com'];

/**
 * No template keeps anything longer than the disclosure says. Shared resources
 * (one log bucket for every site) must honour the shortest promise any site makes.
 */
export function retentionDrift(stacks: readonly SynthesizedStack[], d: Disclosure): string[] {
  if (d.sites.length === 0) return [];
  const logDays = Math.min(...d.sites.map((s) => s.logRetentionDays));
  const backupDays = Math.min(...d.sites.map((s) => s.backupRetentionDays));
  const problems: string[] = [];
  for (const stack of stacks) {
    const at = (id: string, what: string, days: unknown, limit: number, kind: string) => {
      if (days === undefined) {
        problems.push(`${stack.name}/${id}: ${what} is not set, so ${kind} are kept forever; the disclosure promises at most ${limit} days.`);
      } else if (typeof days !== 'number') {
        problems.push(`${stack.name}/${id}: ${what} is ${JSON.stringify(days)}, not a number of days; the disclosure promises at most ${limit}.`);
      } else if (days > limit) {
        problems.push(
          `${stack.name}/${id}: ${what} is ${days} days, longer than the ${limit} days the disclosure promises for ${kind}. ` +
            `Lower it, or change the estate config so the published disclosure says ${days}.`,
        );
      }
    };
    const t = stack.template;
    for (const [id, r] of resources(t, 'AWS::Logs::LogGroup')) at(id, 'RetentionInDays', r.Properties?.RetentionInDays, logDays, 'logs');

    const logBuckets = logBucketIds(t);
    for (const [id, r] of resources(t, 'AWS::S3::Bucket')) {
      const isLog = logBuckets.has(id);
      const limit = isLog ? logDays : Math.max(logDays, backupDays);
      const kind = isLog ? 'logs' : 'logs or backups';
      for (const rule of r.Properties?.LifecycleConfiguration?.Rules ?? []) {
        if (rule.Status !== 'Enabled') continue;
        const name = `lifecycle rule ${JSON.stringify(rule.Id ?? '?')}`;
        if (rule.ExpirationInDays !== undefined) at(id, `${name} ExpirationInDays`, rule.ExpirationInDays, limit, kind);
        const noncurrent = rule.NoncurrentVersionExpiration?.NoncurrentDays ?? rule.NoncurrentVersionExpirationInDays;
        if (noncurrent !== undefined) at(id, `${name} noncurrent-version expiry`, noncurrent, limit, kind);
      }
    }

    for (const [id, r] of resources(t, 'AWS::Backup::BackupPlan')) {
      for (const rule of r.Properties?.BackupPlan?.BackupPlanRule ?? []) {
        at(id, `backup rule ${JSON.stringify(rule.RuleName ?? '?')} DeleteAfterDays`, rule.Lifecycle?.DeleteAfterDays, backupDays, 'backups');
      }
    }
    for (const type of ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster']) {
      for (const [id, r] of resources(t, type)) {
        // CloudFormation's default is 1 day when the property is absent.
        at(id, 'BackupRetentionPeriod', r.Properties?.BackupRetentionPeriod ?? 1, backupDays, 'backups');
      }
    }
    for (const type of ['AWS::ElastiCache::CacheCluster', 'AWS::ElastiCache::ReplicationGroup']) {
      for (const [id, r] of resources(t, type)) {
        const limit = r.Properties?.SnapshotRetentionLimit;
        if (limit !== undefined) at(id, 'SnapshotRetentionLimit', limit, backupDays, 'backups');
      }
    }
  }
  return problems;
}

/** Buckets of this template that receive logs: the log delivery services write to them, or other resources log into them. */
function logBucketIds(t: Template): Set<string> {
  const ids = new Set<string>();
  for (const [, r] of resources(t, 'AWS::S3::BucketPolicy')) {
    const services = JSON.stringify(r.Properties?.PolicyDocument ?? {});
    if (LOG_DELIVERY_PRINCIPALS.some((p) => services.includes(p))) {
      const bucket = referencedId(r.Properties?.Bucket);
      if (bucket) ids.add(bucket);
    }
  }
  for (const [, r] of resources(t, 'AWS::S3::Bucket')) {
    const dest = referencedId(r.Properties?.LoggingConfiguration?.DestinationBucketName);
    if (dest) ids.add(dest);
  }
  for (const [, r] of resources(t, 'AWS::CloudFront::Distribution')) {
    for (const id of referencedIds(r.Properties?.DistributionConfig?.Logging?.Bucket)) ids.add(id);
  }
  for (const [, r] of resources(t, 'AWS::ElasticLoadBalancingV2::LoadBalancer')) {
    for (const attr of r.Properties?.LoadBalancerAttributes ?? []) {
      if (attr.Key === 'access_logs.s3.bucket') for (const id of referencedIds(attr.Value)) ids.add(id);
    }
  }
  return ids;
}
