import { CfnResource } from 'aws-cdk-lib';
import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, nameRule } from '../rule';
import { props } from '../template/resolve';
import { resourcesOfType, target } from '../template/references';

/**
 * Every SES email identity sends through a configuration set of this app by
 * default, so the set's no-tracking settings (checked by the SES rules) apply to
 * every message. A set named only by a string must be defined in this app.
 */
const SesIdentityConfigurationSet = nameRule(__filename, (node: CfnResource) => {
  if (node.cfnResourceType !== 'AWS::SES::EmailIdentity') return NOT_APPLICABLE;
  const name = props(node).ConfigurationSetAttributes?.ConfigurationSetName;
  if (name === undefined) return NON_COMPLIANT;
  const t = target(node, 'ConfigurationSetAttributes.ConfigurationSetName', name);
  if ('resource' in t) return t.resource.cfnResourceType === 'AWS::SES::ConfigurationSet' ? COMPLIANT : NON_COMPLIANT;
  const defined = resourcesOfType(node, 'AWS::SES::ConfigurationSet').some((s) => props(s).Name === t.literal);
  return defined ? COMPLIANT : NON_COMPLIANT;
});

export default SesIdentityConfigurationSet;
