import { CfnResource } from 'aws-cdk-lib';
import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, nameRule } from '../rule';
import { literal, literalBool, props } from '../template/resolve';

type Check = (node: CfnResource, p: Record<string, any>) => boolean;

const on = (property: string): Check => (node, p) => literalBool(node, property, p[property]) === true;

/** Data stores whose type offers deletion protection, and how each turns it on. */
const CHECKS: Record<string, Check> = {
  // A cluster member is protected by its cluster.
  'AWS::RDS::DBInstance': (node, p) => p.DBClusterIdentifier !== undefined || on('DeletionProtection')(node, p),
  'AWS::RDS::DBCluster': on('DeletionProtection'),
  'AWS::DocDB::DBCluster': on('DeletionProtection'),
  'AWS::Neptune::DBCluster': on('DeletionProtection'),
  'AWS::DynamoDB::Table': on('DeletionProtectionEnabled'),
  'AWS::Cognito::UserPool': (node, p) => literal(node, 'DeletionProtection', p.DeletionProtection) === 'ACTIVE',
};

/** Data stores that offer deletion protection have it on. */
const DataStoreDeletionProtection = nameRule(__filename, (node: CfnResource) => {
  const check = CHECKS[node.cfnResourceType];
  if (check === undefined) return NOT_APPLICABLE;
  return check(node, props(node)) ? COMPLIANT : NON_COMPLIANT;
});

export default DataStoreDeletionProtection;
