import { CfnResource } from 'aws-cdk-lib';
import { behaviors } from '../checks/cloudfront';
import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, nameRule } from '../rule';
import { literal, props } from '../template/resolve';

/** Cookie behaviors that pass cookies nobody declared. */
const OPEN_BEHAVIORS = new Set(['all', 'allExcept']);

/**
 * AWS managed policies that put every cookie in the cache key or send every
 * cookie to the origin (Managed-Amplify, -UseOriginCacheControlHeaders(-QueryStrings),
 * -AllViewer, -AllViewerExceptHostHeader, -AllViewerAndCloudFrontHeaders-2022-06).
 */
const ALL_COOKIE_MANAGED_POLICIES = new Set([
  '2e54312d-136d-493c-8eb9-b001f22f67d2',
  '83da9c7e-98b4-4e11-a168-04f0df8e2c65',
  '4cc15a8a-d715-48a4-82b8-cc0b614638fe',
  '216adef6-5c7f-47e4-b989-5492eafa07d3',
  'b689b0a8-53d0-40ab-baf2-68738e2966ac',
  '33f36d7e-f396-46d9-90e0-52428a34d9dc',
]);

/**
 * No cache policy, origin request policy or legacy forwarded-values setting
 * passes all cookies (or all except a few) to the cache key or the origin.
 */
const CloudFrontNoAllCookies = nameRule(__filename, (node: CfnResource) => {
  const p = props(node);
  switch (node.cfnResourceType) {
    case 'AWS::CloudFront::CachePolicy':
      return open(node, p.CachePolicyConfig?.ParametersInCacheKeyAndForwardedToOrigin?.CookiesConfig?.CookieBehavior);
    case 'AWS::CloudFront::OriginRequestPolicy':
      return open(node, p.OriginRequestPolicyConfig?.CookiesConfig?.CookieBehavior);
    case 'AWS::CloudFront::Distribution':
      for (const b of behaviors(node)) {
        if (literal(node, 'ForwardedValues.Cookies.Forward', b.ForwardedValues?.Cookies?.Forward) === 'all') return NON_COMPLIANT;
        for (const id of [b.CachePolicyId, b.OriginRequestPolicyId]) {
          // A reference is a policy of this app, checked on its own; a literal id may be a managed policy.
          if (typeof id === 'string' && ALL_COOKIE_MANAGED_POLICIES.has(id)) return NON_COMPLIANT;
        }
      }
      return COMPLIANT;
    default:
      return NOT_APPLICABLE;
  }
});

function open(node: CfnResource, behavior: unknown) {
  return OPEN_BEHAVIORS.has(literal(node, 'CookiesConfig.CookieBehavior', behavior) as string) ? NON_COMPLIANT : COMPLIANT;
}

export default CloudFrontNoAllCookies;
