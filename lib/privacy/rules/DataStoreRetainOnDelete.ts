import { CfnDeletionPolicy, CfnResource } from 'aws-cdk-lib';
import { publicContentReason } from '../public-content';
import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, nameRule } from '../rule';
import { props, resolved } from '../template/resolve';

/** Types that hold data people gave, and the deletion policies that keep it. */
const KEEPING: Record<string, ReadonlySet<CfnDeletionPolicy>> = {};
const retain = new Set([CfnDeletionPolicy.RETAIN, CfnDeletionPolicy.RETAIN_EXCEPT_ON_CREATE]);
const snapshotOrRetain = new Set([...retain, CfnDeletionPolicy.SNAPSHOT]);
for (const t of ['AWS::S3::Bucket', 'AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable', 'AWS::EFS::FileSystem', 'AWS::Cognito::UserPool']) {
  KEEPING[t] = retain;
}
for (const t of ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster', 'AWS::DocDB::DBCluster', 'AWS::Neptune::DBCluster', 'AWS::EC2::Volume', 'AWS::Redshift::Cluster']) {
  KEEPING[t] = snapshotOrRetain;
}

/**
 * Data stores survive a stack deletion: DeletionPolicy Retain (or Snapshot where
 * the type supports it). Buckets declared public content hold nothing people gave.
 */
const DataStoreRetainOnDelete = nameRule(__filename, (node: CfnResource) => {
  const keeping = KEEPING[node.cfnResourceType];
  if (keeping === undefined) return NOT_APPLICABLE;
  // A database instance inside a cluster: the cluster's policy decides.
  if (node.cfnResourceType === 'AWS::RDS::DBInstance' && props(node).DBClusterIdentifier !== undefined) return NOT_APPLICABLE;
  if (node.cfnResourceType === 'AWS::S3::Bucket' && publicContentReason(node) !== undefined) return NOT_APPLICABLE;
  // Read from the rendered resource so a raw `addOverride('DeletionPolicy', …)` counts too.
  const policy = resolved(node).DeletionPolicy as CfnDeletionPolicy | undefined;
  return policy !== undefined && keeping.has(policy) ? COMPLIANT : NON_COMPLIANT;
});

export default DataStoreRetainOnDelete;
