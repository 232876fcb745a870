import { CfnResource } from 'aws-cdk-lib';
import { publicContentReason } from '../public-content';
import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, PrivacyRuleFactory, nameRule } from '../rule';
import { ResolvedThresholds } from '../thresholds';
import { list, literalBool, literalNumber, props } from '../template/resolve';

type Check = (node: CfnResource, p: Record<string, any>, t: ResolvedThresholds) => boolean;

/**
 * Long-lived stores that are neither buckets' lifecycles nor log groups, and how
 * each bounds what it keeps (CloudFormation resource reference of each type).
 */
const CHECKS: Record<string, Check> = {
  // Absent = 24 hours (the service default); up to 8760 hours can be set.
  'AWS::Kinesis::Stream': (node, p, t) => (literalNumber(node, 'RetentionPeriodHours', p.RetentionPeriodHours) ?? 24) <= t.maxLogRetentionDays * 24,
  // Absent or 0 = events are kept indefinitely.
  'AWS::Events::Archive': (node, p, t) => {
    const days = literalNumber(node, 'RetentionDays', p.RetentionDays);
    return days !== undefined && days > 0 && days <= t.maxLogRetentionDays;
  },
  // Object Lock keeps every version at least this long, whatever the lifecycle says.
  'AWS::S3::Bucket': (node, p, t) => {
    if (publicContentReason(node) !== undefined) return true;
    const retention = p.ObjectLockConfiguration?.Rule?.DefaultRetention;
    if (retention === undefined) return true;
    const days = literalNumber(node, 'DefaultRetention.Days', retention.Days) ?? (literalNumber(node, 'DefaultRetention.Years', retention.Years) ?? 0) * 366;
    return days <= t.maxObjectRetentionDays;
  },
  // Absent = the service default of 73,000 days in the magnetic store.
  'AWS::Timestream::Table': (node, p, t) => {
    const days = literalNumber(node, 'MagneticStoreRetentionPeriodInDays', p.RetentionProperties?.MagneticStoreRetentionPeriodInDays);
    return days !== undefined && days <= t.maxObjectRetentionDays;
  },
  // A volume kept after its instance ends outlives every rule about the instance.
  'AWS::EC2::LaunchTemplate': (node, p) => volumesEndWithInstance(node, p.LaunchTemplateData?.BlockDeviceMappings),
  'AWS::AutoScaling::LaunchConfiguration': (node, p) => volumesEndWithInstance(node, p.BlockDeviceMappings),
  'AWS::EC2::Instance': (node, p) => volumesEndWithInstance(node, p.BlockDeviceMappings),
};

function volumesEndWithInstance(node: CfnResource, mappings: unknown): boolean {
  return list(node, 'BlockDeviceMappings', mappings).every(
    (m) => m.Ebs === undefined || literalBool(node, 'BlockDeviceMappings[].Ebs.DeleteOnTermination', m.Ebs.DeleteOnTermination) !== false,
  );
}

/**
 * Stores that keep data on their own clock keep it no longer than the policy
 * allows: Kinesis stream retention, EventBridge archive retention, S3 Object
 * Lock default retention, Timestream magnetic-store retention, and EBS volumes
 * of instances and launch templates that are deleted with their instance.
 */
const StoreRetention: PrivacyRuleFactory = (t) =>
  nameRule(__filename, (node: CfnResource) => {
    const check = CHECKS[node.cfnResourceType];
    if (check === undefined) return NOT_APPLICABLE;
    return check(node, props(node), t) ? COMPLIANT : NON_COMPLIANT;
  });

export default StoreRetention;
