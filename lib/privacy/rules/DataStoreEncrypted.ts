import { CfnResource } from 'aws-cdk-lib';
import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, nameRule } from '../rule';
import { list, literalBool, props } from '../template/resolve';

type Check = (node: CfnResource, p: Record<string, any>) => boolean;

const flag = (property: string): Check => (node, p) => literalBool(node, property, p[property]) === true;

/**
 * How each data store proves encryption at rest. Types encrypted by the service
 * whatever the template says (S3, DynamoDB, Secrets Manager) are not listed;
 * SQS is encrypted unless SqsManagedSseEnabled is turned off without a KMS key.
 */
const CHECKS: Record<string, Check> = {
  // A cluster member inherits its cluster's encryption.
  'AWS::RDS::DBInstance': (node, p) => p.DBClusterIdentifier !== undefined || flag('StorageEncrypted')(node, p),
  'AWS::RDS::DBCluster': flag('StorageEncrypted'),
  'AWS::DocDB::DBCluster': flag('StorageEncrypted'),
  'AWS::Neptune::DBCluster': flag('StorageEncrypted'),
  'AWS::EC2::Volume': flag('Encrypted'),
  'AWS::EFS::FileSystem': flag('Encrypted'),
  'AWS::Redshift::Cluster': flag('Encrypted'),
  'AWS::ElastiCache::ReplicationGroup': flag('AtRestEncryptionEnabled'),
  'AWS::OpenSearchService::Domain': (node, p) => literalBool(node, 'EncryptionAtRestOptions.Enabled', p.EncryptionAtRestOptions?.Enabled) === true,
  'AWS::Kinesis::Stream': (_node, p) => p.StreamEncryption !== undefined,
  'AWS::SQS::Queue': (node, p) => p.KmsMasterKeyId !== undefined || literalBool(node, 'SqsManagedSseEnabled', p.SqsManagedSseEnabled) !== false,
  // Every EBS volume an instance or launch template creates must say Encrypted; the root volume included.
  'AWS::EC2::Instance': (node, p) => ebsEncrypted(node, p.BlockDeviceMappings),
  'AWS::EC2::LaunchTemplate': (node, p) => ebsEncrypted(node, p.LaunchTemplateData?.BlockDeviceMappings),
  'AWS::AutoScaling::LaunchConfiguration': (node, p) => ebsEncrypted(node, p.BlockDeviceMappings),
};

function ebsEncrypted(node: CfnResource, mappings: unknown): boolean {
  const ebs = list(node, 'BlockDeviceMappings', mappings).filter((m) => m.Ebs !== undefined);
  return ebs.length > 0 && ebs.every((m) => literalBool(node, 'BlockDeviceMappings[].Ebs.Encrypted', m.Ebs.Encrypted) === true);
}

/** Data stores are encrypted at rest. */
const DataStoreEncrypted = nameRule(__filename, (node: CfnResource) => {
  const check = CHECKS[node.cfnResourceType];
  if (check === undefined) return NOT_APPLICABLE;
  return check(node, props(node)) ? COMPLIANT : NON_COMPLIANT;
});

export default DataStoreEncrypted;
