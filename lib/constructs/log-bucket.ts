import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { AccountPrincipal, Effect, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { Construct } from 'constructs';

export interface LogBucketProps {
  /** Days after which every log object (current or noncurrent) is deleted. */
  readonly expirationDays: number;
}

/** Key prefixes inside the log bucket, one per log source. */
export const LOG_PREFIXES = {
  cloudfront: (siteKey: string) => `cloudfront/${siteKey}/`,
  loadBalancer: (siteKey: string) => `alb/${siteKey}/`,
  s3Access: (bucketPurpose: string) => `s3-access/${bucketPurpose}/`,
} as const;

/**
 * An EU log bucket whose lifecycle, not a person, deletes logs: the policy says
 * web server logs are "rotated periodically ... not kept indefinitely".
 */
export class LogBucket extends s3.Bucket {
  constructor(scope: Construct, id: string, props: LogBucketProps) {
    super(scope, id, {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      // SSE-S3: CloudFront standard logging and ALB access logging cannot write to SSE-KMS buckets.
      encryption: s3.BucketEncryption.S3_MANAGED,
      // CloudFront standard logging writes through a bucket ACL (awslogsdelivery), which needs
      // ACLs enabled; BucketOwnerPreferred keeps every object owned by this account.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      // Unversioned on purpose: an erasure rewrite must not leave the old object behind as a version.
      versioned: false,
      lifecycleRules: [
        {
          id: 'expire-logs',
          enabled: true,
          expiration: Duration.days(props.expirationDays),
          noncurrentVersionExpiration: Duration.days(props.expirationDays),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
      // Retained on stack deletion: logs are still under the policy's retention and
      // lifecycle expiry deletes them; a stack deletion must not be the thing that does.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // S3 server access logs of the estate's other buckets arrive through the logging
    // service principal; granted here so those buckets need no cross-stack policy edits.
    this.addToResourcePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        principals: [new ServicePrincipal('logging.s3.amazonaws.com')],
        actions: ['s3:PutObject'],
        resources: [this.arnForObjects('s3-access/*')],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );

    Validations.of(this).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This is the log bucket itself: S3 server access logs of it would have to go to another bucket ' +
        'holding the same IP addresses under a second retention, or into itself, where each delivery logs another.',
    });
  }

  /**
   * Lets Elastic Load Balancing deliver this account's load balancer access logs
   * under `alb/`. Granted here, not by `alb.logAccessLogs()`, which would edit this
   * bucket's policy from the service's stack. Regions opened before August 2022
   * deliver as a regional ELB account; newer ones through the log-delivery principal.
   */
  public allowLoadBalancerLogs(): void {
    const stack = Stack.of(this);
    const elbAccount = RegionInfo.get(stack.region).elbv2Account;
    this.addToResourcePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        principals: [
          elbAccount ? new AccountPrincipal(elbAccount) : new ServicePrincipal('logdelivery.elasticloadbalancing.amazonaws.com'),
        ],
        actions: ['s3:PutObject'],
        resources: [this.arnForObjects(`alb/*/AWSLogs/${stack.account}/*`)],
      }),
    );
  }
}
