import { CfnResource } from 'aws-cdk-lib';
import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, deployRule } from '../rule';
import { props, resolved } from '../../privacy/template/resolve';

/** CloudFormation User Guide, "Name type" (custom names and replacement) and the DeletionPolicy attribute. */
export const DOCS = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-name.html';

/** The property that names a resource of each type, for the types that are commonly kept. */
export const NAME_PROPERTY: Record<string, string> = {
  'AWS::Backup::BackupVault': 'BackupVaultName',
  'AWS::S3::Bucket': 'BucketName',
  'AWS::Logs::LogGroup': 'LogGroupName',
  'AWS::DynamoDB::Table': 'TableName',
  'AWS::RDS::DBInstance': 'DBInstanceIdentifier',
  'AWS::RDS::DBCluster': 'DBClusterIdentifier',
  'AWS::SQS::Queue': 'QueueName',
  'AWS::SNS::Topic': 'TopicName',
  'AWS::SecretsManager::Secret': 'Name',
  'AWS::ECR::Repository': 'RepositoryName',
  'AWS::Kinesis::Stream': 'Name',
};

/**
 * A resource kept on delete (or on a failed create's rollback) stays under its name.
 * A name built only from literals and pseudo parameters (stack name, region, account) is
 * the same on the next attempt, and the create collides with the kept resource
 * (AlreadyExists). A name that includes the stack's id (new for every stack), another
 * resource's generated id or a parameter is not judged fixed.
 */
export default deployRule(__filename, {
  docs: DOCS,
  info: 'A resource that is retained on delete has a fixed name.',
  explanation:
    'After a failed first deploy rolls back, the kept resource still holds the name and the next deploy fails with AlreadyExists. ' +
    'Leave the name to CloudFormation, or include the stack id (Fn::Select 2 of Fn::Split "/" AWS::StackId).',
  check: (node: CfnResource) => {
    const nameProperty = NAME_PROPERTY[node.cfnResourceType];
    if (!nameProperty) return NOT_APPLICABLE;
    // Snapshot deletes the resource (its snapshot gets a generated name); RetainExceptOnCreate
    // deletes what a failed create made. Only Retain leaves the named resource behind.
    if (resolved(node).DeletionPolicy !== 'Retain') return NOT_APPLICABLE;
    const name = props(node)[nameProperty];
    return name !== undefined && isFixed(name) ? NON_COMPLIANT : COMPLIANT;
  },
});

/** True when the value is the same on every create of a stack of the same name. */
function isFixed(value: unknown): boolean {
  if (typeof value === 'string' || typeof value === 'number') return true;
  if (Array.isArray(value)) return value.every(isFixed);
  if (value !== null && typeof value === 'object') {
    const [key, arg] = Object.entries(value as Record<string, unknown>)[0] ?? [];
    // Pseudo parameters other than the stack id repeat; a resource's id does not.
    if (key === 'Ref') return typeof arg === 'string' && arg.startsWith('AWS::') && arg !== 'AWS::StackId';
    if (key === 'Fn::GetAtt') return false;
    return isFixed(arg);
  }
  return true;
}
