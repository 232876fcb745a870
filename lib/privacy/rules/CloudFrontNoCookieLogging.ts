import { CfnResource } from 'aws-cdk-lib';
import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, nameRule } from '../rule';
import { list, literal, literalBool, props } from '../template/resolve';

const COOKIE_FIELD = 'cs-cookie';

/**
 * CloudFront never writes visitors' cookies into a log: standard logging has
 * IncludeCookies off, and no real-time log config or log delivery (standard
 * logging v2) selects the cookie field.
 */
const CloudFrontNoCookieLogging = nameRule(__filename, (node: CfnResource) => {
  const p = props(node);
  switch (node.cfnResourceType) {
    case 'AWS::CloudFront::Distribution':
      return literalBool(node, 'Logging.IncludeCookies', p.DistributionConfig?.Logging?.IncludeCookies) ? NON_COMPLIANT : COMPLIANT;
    case 'AWS::CloudFront::RealtimeLogConfig':
      return hasCookieField(node, 'Fields', p.Fields) ? NON_COMPLIANT : COMPLIANT;
    case 'AWS::Logs::Delivery':
      return hasCookieField(node, 'RecordFields', p.RecordFields) ? NON_COMPLIANT : COMPLIANT;
    default:
      return NOT_APPLICABLE;
  }
});

function hasCookieField(node: CfnResource, what: string, fields: unknown): boolean {
  return list(node, what, fields).some((f) => String(literal(node, `${what}[]`, f)).toLowerCase() === COOKIE_FIELD);
}

export default CloudFrontNoCookieLogging;
