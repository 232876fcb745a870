import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface AppmanLoadBalancerProps {
  readonly vpc: ec2.IVpc;
  /** Subnets with no internet route: the load balancer is internal. */
  readonly subnets: ec2.SubnetSelection;
  /** CloudFront's origin-facing addresses: the only source admitted. */
  readonly cloudFront: ec2.IPeer;
  /** The estate's EU log bucket; it grants the ELB log delivery itself (log archive stack). */
  readonly logBucket: IBucket;
  /** Key prefix of the access logs, e.g. `alb/appman/`. */
  readonly logPrefix: string;
}

/**
 * Appman's internal Application Load Balancer: no public address, reached only
 * by CloudFront through a VPC origin, access logs to the EU log bucket.
 */
export class AppmanLoadBalancer extends Construct {
  public readonly alb: elbv2.ApplicationLoadBalancer;
  public readonly listener: elbv2.ApplicationListener;

  constructor(scope: Construct, id: string, props: AppmanLoadBalancerProps) {
    super(scope, id);
    const securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: 'Appman load balancer: HTTP from CloudFront VPC origins only; out only to the Appman tasks',
      allowAllOutbound: false,
    });
    securityGroup.addIngressRule(props.cloudFront, ec2.Port.tcp(80), 'CloudFront origin-facing servers (VPC origin)');

    this.alb = new elbv2.ApplicationLoadBalancer(this, 'Alb', {
      vpc: props.vpc,
      vpcSubnets: props.subnets,
      internetFacing: false,
      securityGroup,
      dropInvalidHeaderFields: true,
    });
    // Set as attributes: `logAccessLogs()` would edit the log bucket's policy from this
    // stack, and the log archive stack already grants the delivery.
    this.alb.setAttribute('access_logs.s3.enabled', 'true');
    this.alb.setAttribute('access_logs.s3.bucket', props.logBucket.bucketName);
    // ELB appends `/AWSLogs/...` itself: a trailing slash would double it.
    this.alb.setAttribute('access_logs.s3.prefix', props.logPrefix.replace(/\/+$/, ''));

    // Plain HTTP inside the VPC: viewers reach CloudFront over HTTPS only, and the
    // CloudFront-to-VPC-origin hop stays on the AWS network (see docs/appman.md).
    this.listener = this.alb.addListener('Http', { port: 80, protocol: elbv2.ApplicationProtocol.HTTP, open: false });
  }
}
