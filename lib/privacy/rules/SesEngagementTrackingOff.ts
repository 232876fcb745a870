import { CfnResource } from 'aws-cdk-lib';
import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, nameRule } from '../rule';
import { literal, props } from '../template/resolve';

/**
 * SES engagement tracking is off, explicitly: each configuration set turns
 * Virtual Deliverability Manager engagement metrics DISABLED (overriding any
 * account-level setting) and sets no tracking (open/click redirect) domain; no
 * account-level VDM attributes turn engagement metrics on.
 */
const SesEngagementTrackingOff = nameRule(__filename, (node: CfnResource) => {
  const p = props(node);
  switch (node.cfnResourceType) {
    case 'AWS::SES::ConfigurationSet': {
      const metrics = literal(node, 'VdmOptions.DashboardOptions.EngagementMetrics', p.VdmOptions?.DashboardOptions?.EngagementMetrics);
      return metrics === 'DISABLED' && p.TrackingOptions === undefined ? COMPLIANT : NON_COMPLIANT;
    }
    case 'AWS::SES::VdmAttributes': {
      const metrics = literal(node, 'DashboardAttributes.EngagementMetrics', p.DashboardAttributes?.EngagementMetrics);
      return metrics === 'ENABLED' ? NON_COMPLIANT : COMPLIANT;
    }
    default:
      return NOT_APPLICABLE;
  }
});

export default SesEngagementTrackingOff;
