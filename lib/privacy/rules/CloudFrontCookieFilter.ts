import { CfnResource } from 'aws-cdk-lib';
import { behaviors } from '../checks/cloudfront';
import { COOKIE_FILTER_CODE_MARKER, COOKIE_FILTER_NAME_PREFIX } from '../markers';
import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, nameRule } from '../rule';
import { list, literal, props } from '../template/resolve';
import { target } from '../template/references';

const RUNTIME = 'cloudfront-js-2.0';
const EVENTS = ['viewer-request', 'viewer-response'];

/**
 * Every behavior of a distribution runs the cookie filter on viewer request and
 * on viewer response. A cookie filter is a CloudFront Function of this app whose
 * Name starts with COOKIE_FILTER_NAME_PREFIX, whose runtime is cloudfront-js-2.0
 * and whose code starts with COOKIE_FILTER_CODE_MARKER (lib/privacy/markers.ts).
 */
const CloudFrontCookieFilter = nameRule(__filename, (node: CfnResource) => {
  if (node.cfnResourceType !== 'AWS::CloudFront::Distribution') return NOT_APPLICABLE;
  for (const b of behaviors(node)) {
    const associations = list(node, 'FunctionAssociations', b.FunctionAssociations);
    for (const event of EVENTS) {
      const a = associations.find((x) => literal(node, 'FunctionAssociations[].EventType', x.EventType) === event);
      if (!a || !isCookieFilter(node, a.FunctionARN)) return NON_COMPLIANT;
    }
  }
  return COMPLIANT;
});

function isCookieFilter(node: CfnResource, arn: unknown): boolean {
  const t = target(node, 'FunctionAssociations[].FunctionARN', arn);
  if (!('resource' in t) || t.resource.cfnResourceType !== 'AWS::CloudFront::Function') return false;
  const fn = t.resource;
  const p = props(fn);
  const name = literal(fn, 'Name', p.Name);
  const runtime = literal(fn, 'FunctionConfig.Runtime', p.FunctionConfig?.Runtime);
  const code = literal(fn, 'FunctionCode', p.FunctionCode);
  return (
    typeof name === 'string' &&
    name.startsWith(COOKIE_FILTER_NAME_PREFIX) &&
    runtime === RUNTIME &&
    typeof code === 'string' &&
    code.trimStart().startsWith(COOKIE_FILTER_CODE_MARKER)
  );
}

export default CloudFrontCookieFilter;
