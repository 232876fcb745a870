import { CfnResource, Stack, Token } from 'aws-cdk-lib';
import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, PrivacyRuleFactory, nameRule } from '../rule';
import { ResolvedThresholds } from '../thresholds';
import { list, literal, props } from '../template/resolve';

/**
 * Resource types that store data (or hold it in flight long enough to be a copy).
 * Global or data-free types are absent on purpose: CloudFront distributions and
 * functions, IAM, Route 53, ACM certificates (CloudFront needs them in us-east-1).
 */
const DATA_STORE_PREFIXES = [
  'AWS::S3::Bucket',
  'AWS::RDS::DBInstance',
  'AWS::RDS::DBCluster',
  'AWS::EC2::Instance',
  'AWS::EC2::Volume',
  'AWS::Logs::LogGroup',
  'AWS::SecretsManager::Secret',
  'AWS::SES::',
  'AWS::Backup::BackupVault',
  'AWS::DynamoDB::',
  'AWS::EFS::FileSystem',
  'AWS::ElastiCache::',
  'AWS::MemoryDB::Cluster',
  'AWS::OpenSearchService::Domain',
  'AWS::Elasticsearch::Domain',
  'AWS::SQS::Queue',
  'AWS::SNS::Topic',
  'AWS::Kinesis::Stream',
  'AWS::KinesisFirehose::DeliveryStream',
  'AWS::DocDB::DBCluster',
  'AWS::Neptune::DBCluster',
  'AWS::Redshift::Cluster',
  'AWS::Cognito::UserPool',
  'AWS::FSx::FileSystem',
  'AWS::MSK::Cluster',
  'AWS::Lightsail::Instance',
  'AWS::Lightsail::Database',
  // Stores found by following where data goes: instance volumes, identities, archives, time series, search collections.
  'AWS::EC2::LaunchTemplate',
  'AWS::AutoScaling::LaunchConfiguration',
  'AWS::Cognito::IdentityPool',
  'AWS::Events::Archive',
  'AWS::Timestream::',
  'AWS::OpenSearchServerless::Collection',
];

export function storesData(type: string): boolean {
  return DATA_STORE_PREFIXES.some((p) => (p.endsWith('::') ? type.startsWith(p) : type === p));
}

/**
 * Resources that store data are in a stack pinned to an allowed region. An
 * environment-agnostic stack could be deployed anywhere, so it does not comply.
 * DynamoDB global table replicas must be in allowed regions too.
 */
const DataResidency: PrivacyRuleFactory = (t: ResolvedThresholds) =>
  nameRule(__filename, (node: CfnResource) => {
    if (!storesData(node.cfnResourceType)) return NOT_APPLICABLE;
    const region = Stack.of(node).region;
    if (Token.isUnresolved(region) || !t.allowedRegions.has(region)) return NON_COMPLIANT;
    if (node.cfnResourceType === 'AWS::DynamoDB::GlobalTable') {
      const replicas = list(node, 'Replicas', props(node).Replicas);
      if (replicas.some((r) => !t.allowedRegions.has(literal(node, 'Replicas[].Region', r.Region) as string))) {
        return NON_COMPLIANT;
      }
    }
    return COMPLIANT;
  });

export default DataResidency;
