import { CfnResource } from 'aws-cdk-lib';
import { behaviors } from '../checks/cloudfront';
import { isTrackingCookie } from '../checks/function-probes';
import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, PrivacyRuleFactory, nameRule } from '../rule';
import { ResolvedThresholds } from '../thresholds';
import { list, literal, props } from '../template/resolve';

/**
 * Under a scope with a cookie allowlist (PrivacyThresholds.cookieAllowlists), cache
 * policies, origin request policies and legacy forwarded values name only the
 * site's declared cookies. Scopes without a list are not applicable, except that a
 * known tracking cookie (an analytics or advertising vendor's, see
 * checks/function-probes.ts) is refused in any policy, declared or not.
 */
const CloudFrontCookieAllowlist: PrivacyRuleFactory = (t) =>
  nameRule(__filename, (node: CfnResource) => {
    const named = cookiesNamed(node);
    if (named === undefined) return NOT_APPLICABLE;
    // A known tracking cookie is refused in any policy of any app, allowlisted or not.
    if (named.some((c) => typeof c === 'string' && isTrackingCookie(c))) return NON_COMPLIANT;
    const allowed = allowlistFor(t, node.node.path);
    if (!allowed) return NOT_APPLICABLE;
    return named.every((c) => allowed.has(literal(node, 'cookie name', c) as string)) ? COMPLIANT : NON_COMPLIANT;
  });

function allowlistFor(t: ResolvedThresholds, path: string): ReadonlySet<string> | undefined {
  // Sorted longest first: the most specific scope wins.
  return t.cookieAllowlists.find((a) => path === a.scope || path.startsWith(`${a.scope}/`))?.cookies;
}

function cookiesNamed(node: CfnResource): unknown[] | undefined {
  const p = props(node);
  switch (node.cfnResourceType) {
    case 'AWS::CloudFront::CachePolicy':
      return cookies(node, p.CachePolicyConfig?.ParametersInCacheKeyAndForwardedToOrigin?.CookiesConfig);
    case 'AWS::CloudFront::OriginRequestPolicy':
      return cookies(node, p.OriginRequestPolicyConfig?.CookiesConfig);
    case 'AWS::CloudFront::Distribution':
      return behaviors(node).flatMap((b) => list(node, 'Cookies.WhitelistedNames', b.ForwardedValues?.Cookies?.WhitelistedNames));
    default:
      return undefined;
  }
}

/** Cookies a whitelist passes; an `allExcept` list names cookies it blocks, so it passes none by name. */
function cookies(node: CfnResource, config: Record<string, any> | undefined): unknown[] {
  if (literal(node, 'CookiesConfig.CookieBehavior', config?.CookieBehavior) !== 'whitelist') return [];
  return list(node, 'CookiesConfig.Cookies', config?.Cookies);
}

export default CloudFrontCookieAllowlist;
