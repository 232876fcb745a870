import { CfnResource } from 'aws-cdk-lib';
import { behaviors } from '../checks/cloudfront';
import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, nameRule } from '../rule';
import { list, literal, props } from '../template/resolve';
import { target } from '../template/references';

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
 * passes all cookies (or all except a few, or a wildcard pattern) to the cache key
 * or the origin. A policy id from a parameter is undecidable, never passed.
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
        const cookies = b.ForwardedValues?.Cookies;
        if (literal(node, 'ForwardedValues.Cookies.Forward', cookies?.Forward) === 'all') return NON_COMPLIANT;
        // A legacy whitelist entry with `*` (e.g. `_ga*`) matches every cookie of that pattern.
        if (list(node, 'Cookies.WhitelistedNames', cookies?.WhitelistedNames).some((n) => String(literal(node, 'WhitelistedNames[]', n)).includes('*'))) {
          return NON_COMPLIANT;
        }
        for (const [what, id] of [['CachePolicyId', b.CachePolicyId], ['OriginRequestPolicyId', b.OriginRequestPolicyId]] as const) {
          if (id === undefined) continue;
          // A reference must be a policy of this app (checked on its own); a parameter or an
          // import could be any managed policy, so the rule cannot decide. A literal id may be managed.
          const t = target(node, `DefaultCacheBehavior/CacheBehaviors[].${what}`, id);
          if ('literal' in t && ALL_COOKIE_MANAGED_POLICIES.has(t.literal)) return NON_COMPLIANT;
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
