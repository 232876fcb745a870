import { CfnResource } from 'aws-cdk-lib';
import { behaviors } from '../checks/cloudfront';
import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, nameRule } from '../rule';
import { list } from '../template/resolve';

/**
 * No behavior runs Lambda@Edge: its logs are written in whichever region served
 * the visitor, outside the allowed regions and their retention settings.
 */
const CloudFrontNoLambdaEdge = nameRule(__filename, (node: CfnResource) => {
  if (node.cfnResourceType !== 'AWS::CloudFront::Distribution') return NOT_APPLICABLE;
  const uses = behaviors(node).some((b) => list(node, 'LambdaFunctionAssociations', b.LambdaFunctionAssociations).length > 0);
  return uses ? NON_COMPLIANT : COMPLIANT;
});

export default CloudFrontNoLambdaEdge;
