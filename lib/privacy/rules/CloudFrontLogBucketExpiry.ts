import { CfnResource } from 'aws-cdk-lib';
import { bucketExpiresWithin } from '../checks/s3-lifecycle';
import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, PrivacyRuleFactory, nameRule } from '../rule';
import { props } from '../template/resolve';
import { target } from '../template/references';

/**
 * A distribution's standard logs go to a bucket of this app whose lifecycle
 * deletes them within the maximum log days. A bucket named only by a string
 * (outside the app) cannot be shown to expire.
 */
const CloudFrontLogBucketExpiry: PrivacyRuleFactory = (t) =>
  nameRule(__filename, (node: CfnResource) => {
    if (node.cfnResourceType !== 'AWS::CloudFront::Distribution') return NOT_APPLICABLE;
    const logging = props(node).DistributionConfig?.Logging;
    if (logging === undefined) return NOT_APPLICABLE;
    const bucket = target(node, 'Logging.Bucket', logging.Bucket);
    if (!('resource' in bucket) || bucket.resource.cfnResourceType !== 'AWS::S3::Bucket') return NON_COMPLIANT;
    return bucketExpiresWithin(bucket.resource, t.maxLogRetentionDays) ? COMPLIANT : NON_COMPLIANT;
  });

export default CloudFrontLogBucketExpiry;
