import { CfnResource } from 'aws-cdk-lib';
import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, PrivacyRuleFactory, nameRule } from '../rule';
import { literalNumber, props } from '../template/resolve';

/** Automated-backup retention properties, by resource type. Absent = the service default (1 day or none). */
const RETENTION_PROPERTY: Record<string, string> = {
  'AWS::RDS::DBInstance': 'BackupRetentionPeriod',
  'AWS::RDS::DBCluster': 'BackupRetentionPeriod',
  'AWS::DocDB::DBCluster': 'BackupRetentionPeriod',
  'AWS::Neptune::DBCluster': 'BackupRetentionPeriod',
  'AWS::ElastiCache::CacheCluster': 'SnapshotRetentionLimit',
  'AWS::ElastiCache::ReplicationGroup': 'SnapshotRetentionLimit',
  'AWS::MemoryDB::Cluster': 'SnapshotRetentionLimit',
  'AWS::Redshift::Cluster': 'AutomatedSnapshotRetentionPeriod',
};

/** Database and cache automated backups are kept no longer than the maximum backup days. */
const DatabaseBackupRetention: PrivacyRuleFactory = (t) =>
  nameRule(__filename, (node: CfnResource) => {
    const property = RETENTION_PROPERTY[node.cfnResourceType];
    if (property === undefined) return NOT_APPLICABLE;
    const days = literalNumber(node, property, props(node)[property]);
    return days === undefined || days <= t.maxBackupRetentionDays ? COMPLIANT : NON_COMPLIANT;
  });

export default DatabaseBackupRetention;
