import { CfnResource } from 'aws-cdk-lib';
import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, deployRule } from '../rule';
import { list, literal } from '../../privacy/template/resolve';
import { behaviors } from '../../privacy/checks/cloudfront';

/** CloudFront Developer Guide, "Restrictions on all edge functions" and "Choose the event to trigger the function". */
export const DOCS = 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/edge-functions-restrictions.html';

/** CloudFront Functions run only on viewer events. */
const FUNCTION_EVENTS = new Set(['viewer-request', 'viewer-response']);

export default deployRule(__filename, {
  docs: DOCS,
  info: 'A cache behavior associates two functions with one event type, or a CloudFront Function with an origin event.',
  explanation:
    'A behavior takes one function per event type (CloudFront Function and Lambda@Edge together included), and CloudFront ' +
    'Functions run only on viewer request and viewer response; CloudFront refuses anything else. Combine the functions.',
  check: (node: CfnResource) => {
    if (node.cfnResourceType !== 'AWS::CloudFront::Distribution') return NOT_APPLICABLE;
    for (const b of behaviors(node)) {
      const cf = list(node, 'FunctionAssociations', b.FunctionAssociations).map((a) => literal<string>(node, 'EventType', a.EventType));
      const lambda = list(node, 'LambdaFunctionAssociations', b.LambdaFunctionAssociations).map((a) => literal<string>(node, 'EventType', a.EventType));
      const events = [...cf, ...lambda];
      if (new Set(events).size !== events.length) return NON_COMPLIANT;
      if (cf.some((e) => !FUNCTION_EVENTS.has(e ?? ''))) return NON_COMPLIANT;
    }
    return COMPLIANT;
  },
});
