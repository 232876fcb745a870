import { CfnResource } from 'aws-cdk-lib';
import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, deployRule } from '../rule';
import { list, props } from '../../privacy/template/resolve';

/** CloudFront Developer Guide, Quotas → "General quotas on distributions". */
export const DOCS = 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html#limits-web-distributions';

/** Cache behaviors per distribution (a default quota: an increase is a support request, not a deploy). */
export const CACHE_BEHAVIOR_QUOTA = 25;

export default deployRule(__filename, {
  docs: DOCS,
  info: `The distribution has more than ${CACHE_BEHAVIOR_QUOTA} cache behaviors.`,
  explanation: `CloudFront accepts at most ${CACHE_BEHAVIOR_QUOTA} cache behaviors per distribution by default. Merge path patterns.`,
  check: (node: CfnResource) => {
    if (node.cfnResourceType !== 'AWS::CloudFront::Distribution') return NOT_APPLICABLE;
    const config = props(node).DistributionConfig ?? {};
    return list(node, 'DistributionConfig.CacheBehaviors', config.CacheBehaviors).length > CACHE_BEHAVIOR_QUOTA ? NON_COMPLIANT : COMPLIANT;
  },
});
