import { PUBLIC_CONTENT_METADATA_KEY } from '../privacy/markers';
import { referencedId, resources, TemplateResource } from '../disclosure/templates';
import { AssemblyStack, pathOf } from './assembly';
import { StoreFact, StoreKind } from './types';

const DAY_SECONDS = 86400;
/** SQS keeps a message 4 days when MessageRetentionPeriod is absent. */
const SQS_DEFAULT_RETENTION_SECONDS = 345600;
/** RDS keeps automated backups 1 day when BackupRetentionPeriod is absent. */
const RDS_DEFAULT_BACKUP_DAYS = 1;

/**
 * Every store that can hold personal data, with its encryption at rest and the
 * longest time anything stays.
 */
export function readStores(stacks: readonly AssemblyStack[]): StoreFact[] {
  const facts: StoreFact[] = [];
  for (const stack of stacks) {
    const add = (id: string, kind: StoreKind, encryption: string, retention: number | string) =>
      facts.push({ name: pathOf(stack, id), kind, region: stack.region, encryption, retention, count: 1 });
    const t = stack.template;
    for (const [id, r] of resources(t, 'AWS::S3::Bucket')) add(id, 'S3 bucket', bucketEncryption(r), bucketRetention(r));
    for (const type of ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster']) {
      for (const [id, r] of resources(t, type)) {
        const p = r.Properties ?? {};
        const encryption = p.StorageEncrypted === true || p.StorageEncrypted === 'true' ? (p.KmsKeyId ? 'KMS key' : 'RDS default key') : 'not encrypted';
        add(id, 'RDS database', encryption, `until erased; backups ${p.BackupRetentionPeriod ?? RDS_DEFAULT_BACKUP_DAYS} days`);
      }
    }
    for (const [id, r] of resources(t, 'AWS::EC2::Volume')) add(id, 'EBS volume', ebsEncryption(r.Properties), 'until erased');
    for (const [id, r] of resources(t, 'AWS::EC2::Instance')) {
      for (const device of r.Properties?.BlockDeviceMappings ?? []) {
        if (!device.Ebs) continue;
        facts.push({
          name: `${pathOf(stack, id)} ${device.DeviceName ?? 'volume'}`,
          kind: 'EBS volume',
          region: stack.region,
          encryption: ebsEncryption(device.Ebs),
          retention: device.Ebs.DeleteOnTermination === false ? 'outlives the instance' : 'deleted with the instance',
          count: 1,
        });
      }
    }
    for (const [id, r] of resources(t, 'AWS::SQS::Queue')) {
      const p = r.Properties ?? {};
      const encryption = p.KmsMasterKeyId ? 'KMS key' : p.SqsManagedSseEnabled === false ? 'not encrypted' : 'SQS-managed keys';
      add(id, 'SQS queue', encryption, Math.ceil(Number(p.MessageRetentionPeriod ?? SQS_DEFAULT_RETENTION_SECONDS) / DAY_SECONDS));
    }
    for (const [id, r] of resources(t, 'AWS::Backup::BackupPlan')) {
      const rules: any[] = r.Properties?.BackupPlan?.BackupPlanRule ?? [];
      const days = rules.flatMap((rule) => [rule.Lifecycle?.DeleteAfterDays, ...(rule.CopyActions ?? []).map((c: any) => c.Lifecycle?.DeleteAfterDays)]);
      const vaults = rules.map((rule) => referencedId(rule.TargetBackupVault)).filter((v): v is string => !!v);
      const encryption = vaults.some((v) => t.Resources?.[v]?.Properties?.EncryptionKeyArn) ? 'KMS key' : 'AWS Backup default key';
      add(id, 'backup plan', encryption, days.some((d) => typeof d !== 'number') ? 'never expires' : Math.max(...days));
    }
    for (const [id, r] of resources(t, 'AWS::Backup::BackupVault')) {
      add(id, 'backup vault', r.Properties?.EncryptionKeyArn ? 'KMS key' : 'AWS Backup default key', 'as its backup plans say');
    }
  }
  return [...facts, ...logGroups(stacks)];
}

/**
 * Log groups as one fact per region: CDK gives every function one, their names are
 * noise to a reviewer, and the policy's promise is about the longest any of them keeps.
 */
function logGroups(stacks: readonly AssemblyStack[]): StoreFact[] {
  const byRegion = new Map<string, TemplateResource[]>();
  for (const stack of stacks) {
    for (const [, r] of resources(stack.template, 'AWS::Logs::LogGroup')) byRegion.set(stack.region, [...(byRegion.get(stack.region) ?? []), r]);
  }
  // Named by region only outside the region most stacks deploy to, so moving the whole estate renames nothing.
  const stacksPerRegion = (region: string) => stacks.filter((s) => s.region === region).length;
  const home = [...byRegion.keys()].sort((a, b) => stacksPerRegion(b) - stacksPerRegion(a) || a.localeCompare(b))[0];
  return [...byRegion].map(([region, groups]) => {
    const days = groups.map((r) => r.Properties?.RetentionInDays);
    return {
      name: region === home ? 'log groups' : `log groups in ${region}`,
      kind: 'log groups',
      region,
      encryption: groups.every((r) => r.Properties?.KmsKeyId) ? 'KMS key' : 'CloudWatch Logs default',
      retention: days.some((d) => d === undefined || Number.isNaN(Number(d))) ? 'never expires' : Math.max(...days.map(Number)),
      count: groups.length,
    };
  });
}

function bucketEncryption(r: TemplateResource): string {
  const rule = r.Properties?.BucketEncryption?.ServerSideEncryptionConfiguration?.[0]?.ServerSideEncryptionByDefault;
  const algorithm = rule?.SSEAlgorithm;
  if (algorithm === 'aws:kms' || algorithm === 'aws:kms:dsse') return 'KMS key';
  // S3 encrypts every new object with S3-managed keys when the bucket says nothing (since January 2023).
  return 'S3-managed keys';
}

/** Longest a whole-bucket enabled lifecycle rule keeps an object or a noncurrent version. */
function bucketRetention(r: TemplateResource): number | string {
  const metadata = (r as { Metadata?: Record<string, unknown> }).Metadata ?? {};
  if (typeof metadata[PUBLIC_CONTENT_METADATA_KEY] === 'string') return 'public content, no expiry';
  const rules: any[] = (r.Properties?.LifecycleConfiguration?.Rules ?? []).filter(
    (rule: any) => rule.Status === 'Enabled' && !rule.Prefix && !rule.TagFilters && !rule.ObjectSizeGreaterThan && !rule.ObjectSizeLessThan,
  );
  const current = rules.map((rule) => rule.ExpirationInDays).filter((d) => typeof d === 'number');
  if (current.length === 0) return 'never expires';
  const versioned = r.Properties?.VersioningConfiguration?.Status === 'Enabled';
  const noncurrent = rules.map((rule) => rule.NoncurrentVersionExpiration?.NoncurrentDays ?? rule.NoncurrentVersionExpirationInDays).filter((d) => typeof d === 'number');
  if (versioned && noncurrent.length === 0) return 'never expires (old versions kept)';
  // A noncurrent version lives its own days after the current one expires.
  return Math.min(...current) + (versioned ? Math.min(...noncurrent) : 0);
}

function ebsEncryption(p: Record<string, any> | undefined): string {
  if (p?.Encrypted !== true && p?.Encrypted !== 'true') return 'not encrypted (unless the account encrypts EBS by default)';
  return p.KmsKeyId ? 'KMS key' : 'EBS default key';
}
