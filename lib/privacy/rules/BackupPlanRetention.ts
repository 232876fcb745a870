import { CfnResource } from 'aws-cdk-lib';
import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, PrivacyRuleFactory, nameRule } from '../rule';
import { list, literalNumber, props } from '../template/resolve';

/**
 * Every AWS Backup plan rule, and every copy it makes, deletes its recovery
 * points within the maximum backup days. A rule without DeleteAfterDays keeps
 * them forever.
 */
const BackupPlanRetention: PrivacyRuleFactory = (t) =>
  nameRule(__filename, (node: CfnResource) => {
    if (node.cfnResourceType !== 'AWS::Backup::BackupPlan') return NOT_APPLICABLE;
    const within = (lifecycle: Record<string, any> | undefined) => {
      const days = literalNumber(node, 'Lifecycle.DeleteAfterDays', lifecycle?.DeleteAfterDays);
      return days !== undefined && days <= t.maxBackupRetentionDays;
    };
    const rules = list(node, 'BackupPlan.BackupPlanRule', props(node).BackupPlan?.BackupPlanRule);
    const ok = rules.every(
      (r) => within(r.Lifecycle) && list(node, 'CopyActions', r.CopyActions).every((c) => within(c.Lifecycle)),
    );
    return ok ? COMPLIANT : NON_COMPLIANT;
  });

export default BackupPlanRetention;
