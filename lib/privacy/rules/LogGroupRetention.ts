import { CfnResource } from 'aws-cdk-lib';
import { retentionWithin } from '../checks/log-groups';
import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, PrivacyRuleFactory, nameRule } from '../rule';

/** Every CloudWatch log group sets RetentionInDays, no longer than the maximum. */
const LogGroupRetention: PrivacyRuleFactory = (t) =>
  nameRule(__filename, (node: CfnResource) => {
    if (node.cfnResourceType !== 'AWS::Logs::LogGroup') return NOT_APPLICABLE;
    return retentionWithin(node, t.maxLogRetentionDays) ? COMPLIANT : NON_COMPLIANT;
  });

export default LogGroupRetention;
