import { CfnResource } from 'aws-cdk-lib';
import { bucketExpiresWithin } from '../checks/s3-lifecycle';
import { publicContentReason } from '../public-content';
import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, PrivacyRuleFactory, nameRule } from '../rule';

/**
 * Every bucket expires current objects (and noncurrent versions, if versioned)
 * within the maximum days, unless declared public content with a reason.
 */
const S3BucketExpiry: PrivacyRuleFactory = (t) =>
  nameRule(__filename, (node: CfnResource) => {
    if (node.cfnResourceType !== 'AWS::S3::Bucket') return NOT_APPLICABLE;
    if (publicContentReason(node) !== undefined) return COMPLIANT;
    return bucketExpiresWithin(node, t.maxObjectRetentionDays) ? COMPLIANT : NON_COMPLIANT;
  });

export default S3BucketExpiry;
