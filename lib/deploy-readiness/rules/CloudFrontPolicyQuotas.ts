import { CfnResource } from 'aws-cdk-lib';
import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, deployRule } from '../rule';
import { list, props } from '../../privacy/template/resolve';

/** CloudFront Developer Guide, Quotas → "General quotas on policies". */
export const DOCS = 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html#limits-policies';

/**
 * Cookies, headers and query strings named in one cache policy or one origin request
 * policy: 10 each (TooManyCookiesInCachePolicy, TooManyHeadersInOriginRequestPolicy, …).
 */
export const POLICY_ITEM_QUOTA = 10;

export default deployRule(__filename, {
  docs: DOCS,
  info: `A cache policy or origin request policy names more than ${POLICY_ITEM_QUOTA} cookies, headers or query strings.`,
  explanation:
    `CloudFront refuses the policy (TooManyCookiesInCachePolicy and its siblings): at most ${POLICY_ITEM_QUOTA} of each per policy. ` +
    'Forward only what the origin reads, or give paths with other needs their own behavior and policy.',
  check: (node: CfnResource) => {
    const p = props(node);
    let configs: Record<string, any>[];
    if (node.cfnResourceType === 'AWS::CloudFront::CachePolicy') {
      const k = p.CachePolicyConfig?.ParametersInCacheKeyAndForwardedToOrigin ?? {};
      configs = [k.CookiesConfig?.Cookies, k.HeadersConfig?.Headers, k.QueryStringsConfig?.QueryStrings];
    } else if (node.cfnResourceType === 'AWS::CloudFront::OriginRequestPolicy') {
      const c = p.OriginRequestPolicyConfig ?? {};
      configs = [c.CookiesConfig?.Cookies, c.HeadersConfig?.Headers, c.QueryStringsConfig?.QueryStrings];
    } else {
      return NOT_APPLICABLE;
    }
    return configs.some((names) => list(node, 'policy item list', names).length > POLICY_ITEM_QUOTA) ? NON_COMPLIANT : COMPLIANT;
  },
});
