import { CfnResource } from 'aws-cdk-lib';
import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, nameRule } from '../rule';
import { list, literal, props } from '../template/resolve';

/** Event types that exist only to learn whether a person read or clicked an email. */
const ENGAGEMENT_EVENTS = new Set(['open', 'click']);

/** No SES event destination publishes open or click events. */
const SesNoOpenClickEvents = nameRule(__filename, (node: CfnResource) => {
  if (node.cfnResourceType !== 'AWS::SES::ConfigurationSetEventDestination') return NOT_APPLICABLE;
  const d = props(node).EventDestination ?? {};
  if (d.Enabled !== undefined && literal(node, 'EventDestination.Enabled', d.Enabled) === false) return COMPLIANT;
  const types = list(node, 'EventDestination.MatchingEventTypes', d.MatchingEventTypes);
  return types.some((e) => ENGAGEMENT_EVENTS.has(String(literal(node, 'MatchingEventTypes[]', e)).toLowerCase()))
    ? NON_COMPLIANT
    : COMPLIANT;
});

export default SesNoOpenClickEvents;
