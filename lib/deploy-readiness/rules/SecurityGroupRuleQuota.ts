import { CfnResource } from 'aws-cdk-lib';
import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, deployRule } from '../rule';
import { list, props } from '../../privacy/template/resolve';
import { resourcesOfType, target } from '../../privacy/template/references';

/** Amazon VPC User Guide, "Amazon VPC quotas" → Security groups. */
export const DOCS = 'https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html#vpc-limits-security-groups';

/** Inbound rules, and separately outbound rules, per security group (IPv4 and IPv6 each; default quota). */
export const RULES_PER_DIRECTION_QUOTA = 60;

/**
 * Counts each direction's rules: inline ones and the separate ingress/egress
 * resources of this app that point at the group. A prefix list counts as one rule
 * here; EC2 counts its maximum entries, so the count is a lower bound for such rules.
 */
export default deployRule(__filename, {
  docs: DOCS,
  info: `A security group has more than ${RULES_PER_DIRECTION_QUOTA} inbound or outbound rules.`,
  explanation:
    `EC2 refuses a rule beyond ${RULES_PER_DIRECTION_QUOTA} per direction (RulesPerSecurityGroupLimitExceeded), part-way through the deploy. ` +
    'Use a prefix list or a source security group instead of many address ranges.',
  check: (node: CfnResource) => {
    if (node.cfnResourceType !== 'AWS::EC2::SecurityGroup') return NOT_APPLICABLE;
    const p = props(node);
    const inbound = list(node, 'SecurityGroupIngress', p.SecurityGroupIngress).length + attached(node, 'AWS::EC2::SecurityGroupIngress');
    const outbound = list(node, 'SecurityGroupEgress', p.SecurityGroupEgress).length + attached(node, 'AWS::EC2::SecurityGroupEgress');
    return inbound > RULES_PER_DIRECTION_QUOTA || outbound > RULES_PER_DIRECTION_QUOTA ? NON_COMPLIANT : COMPLIANT;
  },
});

/** Separate rule resources of the app whose GroupId is this group. */
function attached(group: CfnResource, type: string): number {
  return resourcesOfType(group, type).filter((rule) => {
    try {
      const t = target(rule, 'GroupId', props(rule).GroupId);
      return 'resource' in t && t.resource === group;
    } catch {
      return false; // a group outside this app
    }
  }).length;
}
