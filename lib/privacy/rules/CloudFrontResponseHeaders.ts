import { CfnResource } from 'aws-cdk-lib';
import { behaviors } from '../checks/cloudfront';
import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, nameRule } from '../rule';
import { list, literal, literalNumber, props } from '../template/resolve';
import { target } from '../template/references';

/** Referrer policies no weaker than strict-origin-when-cross-origin. */
const STRICT_REFERRER = new Set(['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin']);

/**
 * Every behavior has a response headers policy of this app that sends HSTS, a
 * Referrer-Policy no weaker than strict-origin-when-cross-origin, a
 * Content-Security-Policy, and a Permissions-Policy opting out of browsing-topics:
 * the Topics API is the interest-based advertising API browsers still ship. The
 * retired ones (interest-cohort, join-ad-interest-group, run-ad-auction,
 * attribution-reporting) are not required: current Chromium no longer knows them and
 * logs a console error for each.
 */
const CloudFrontResponseHeaders = nameRule(__filename, (node: CfnResource) => {
  if (node.cfnResourceType !== 'AWS::CloudFront::Distribution') return NOT_APPLICABLE;
  for (const b of behaviors(node)) {
    if (b.ResponseHeadersPolicyId === undefined) return NON_COMPLIANT;
    const t = target(node, 'ResponseHeadersPolicyId', b.ResponseHeadersPolicyId);
    // A literal id is a managed or foreign policy: none of AWS's managed ones sends a CSP.
    if (!('resource' in t) || t.resource.cfnResourceType !== 'AWS::CloudFront::ResponseHeadersPolicy') return NON_COMPLIANT;
    if (!privacyHeaders(t.resource)) return NON_COMPLIANT;
  }
  return COMPLIANT;
});

function privacyHeaders(policy: CfnResource): boolean {
  const config = props(policy).ResponseHeadersPolicyConfig ?? {};
  const security = config.SecurityHeadersConfig ?? {};
  const hstsAge = literalNumber(policy, 'StrictTransportSecurity.AccessControlMaxAgeSec', security.StrictTransportSecurity?.AccessControlMaxAgeSec);
  const referrer = literal(policy, 'ReferrerPolicy.ReferrerPolicy', security.ReferrerPolicy?.ReferrerPolicy);
  const csp = literal(policy, 'ContentSecurityPolicy.ContentSecurityPolicy', security.ContentSecurityPolicy?.ContentSecurityPolicy);
  const permissions = list(policy, 'CustomHeadersConfig.Items', config.CustomHeadersConfig?.Items).find(
    (h) => String(literal(policy, 'CustomHeadersConfig.Items[].Header', h.Header)).toLowerCase() === 'permissions-policy',
  );
  const permissionsValue = literal(policy, 'Permissions-Policy value', permissions?.Value);
  return (
    hstsAge !== undefined &&
    hstsAge > 0 &&
    STRICT_REFERRER.has(referrer as string) &&
    typeof csp === 'string' &&
    csp.trim() !== '' &&
    typeof permissionsValue === 'string' &&
    /(^|[\s,])browsing-topics=\(\)/.test(permissionsValue)
  );
}

export default CloudFrontResponseHeaders;
