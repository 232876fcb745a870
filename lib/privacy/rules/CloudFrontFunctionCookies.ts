import { CfnResource } from 'aws-cdk-lib';
import { behaviors } from '../checks/cloudfront';
import { isTrackingCookie, probeViewerRequest, probeViewerResponse } from '../checks/function-probes';
import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, PrivacyRuleFactory, nameRule, undecidable } from '../rule';
import { ResolvedThresholds } from '../thresholds';
import { list, literal } from '../template/resolve';
import { target } from '../template/references';

/**
 * Judges a distribution's CloudFront Functions by what they do, not by their
 * name: every function of every behavior runs in the cloudfront-js harness
 * (lib/cloudfront-functions/harness.ts) on probe events. Under a cookie allowlist, a
 * function must not pass or set any cookie the site does not declare, nor a known
 * tracking cookie even if declared. Without
 * one, it must not set a known tracking cookie (see function-probes.ts). Code
 * the harness cannot run, or a function outside the app, is undecidable.
 */
const CloudFrontFunctionCookies: PrivacyRuleFactory = (t) =>
  nameRule(__filename, (node: CfnResource) => {
    if (node.cfnResourceType !== 'AWS::CloudFront::Distribution') return NOT_APPLICABLE;
    const allowlist = allowlistFor(t, node.node.path);
    for (const b of behaviors(node)) {
      for (const a of list(node, 'FunctionAssociations', b.FunctionAssociations)) {
        const event = literal(node, 'FunctionAssociations[].EventType', a.EventType);
        const fn = target(node, 'FunctionAssociations[].FunctionARN', a.FunctionARN);
        if (!('resource' in fn)) return undecidable(node, 'FunctionAssociations[].FunctionARN (a function outside this app)', fn.literal);
        const probe = event === 'viewer-request' ? probeViewerRequest : probeViewerResponse;
        const { passed, set } = probe(fn.resource, allowlist ? [...allowlist] : []);
        // A tracking cookie fails even when the allowlist names it: no declaration makes an analytics cookie necessary.
        const bad = allowlist
          ? [...passed, ...set].filter((n) => !allowlist.has(n) || isTrackingCookie(n))
          : set.filter(isTrackingCookie);
        if (bad.length > 0) return NON_COMPLIANT;
      }
    }
    return COMPLIANT;
  });

function allowlistFor(t: ResolvedThresholds, path: string): ReadonlySet<string> | undefined {
  return t.cookieAllowlists.find((a) => path === a.scope || path.startsWith(`${a.scope}/`))?.cookies;
}

export default CloudFrontFunctionCookies;
