import { Validations } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { acknowledgeAwsCustomResourceHandler } from '../constructs/aws-custom-resource-handler';

/** The security group CloudFront creates in a VPC for its VPC origins' traffic. */
export const VPC_ORIGINS_SECURITY_GROUP = 'CloudFront-VPCOrigins-Service-SG';

export interface ForumOriginAccessProps {
  readonly vpc: ec2.IVpc;
  /** The forum host's security group. */
  readonly hostSecurityGroup: ec2.ISecurityGroup;
  /** The distribution whose VPC origin is the host: the group exists only once it is deployed. */
  readonly distribution: cloudfront.Distribution;
  readonly port: number;
}

/**
 * Admits HTTP to the forum host from CloudFront's VPC-origins security group
 * only. The host is in a private subnet without a public address; the
 * VPC-origins group admits only traffic that came through a VPC origin in this
 * VPC (CloudFront's public address list would admit any distribution's traffic
 * to anything that can reach the host). CloudFormation does not expose the
 * group's id, so it is read after the distribution is deployed.
 */
export class ForumOriginAccess extends Construct {
  public readonly vpcOriginsSecurityGroupId: string;

  constructor(scope: Construct, id: string, props: ForumOriginAccessProps) {
    super(scope, id);
    const call: cr.AwsSdkCall = {
      service: 'EC2',
      action: 'describeSecurityGroups',
      parameters: {
        Filters: [
          { Name: 'vpc-id', Values: [props.vpc.vpcId] },
          { Name: 'group-name', Values: [VPC_ORIGINS_SECURITY_GROUP] },
        ],
      },
      physicalResourceId: cr.PhysicalResourceId.of(`${VPC_ORIGINS_SECURITY_GROUP}:${props.vpc.vpcId}`),
      outputPaths: ['SecurityGroups.0.GroupId'],
    };
    const lookup = new cr.AwsCustomResource(this, 'Lookup', {
      onCreate: call,
      onUpdate: call,
      policy: cr.AwsCustomResourcePolicy.fromSdkCalls({ resources: cr.AwsCustomResourcePolicy.ANY_RESOURCE }),
      installLatestAwsSdk: false,
    });
    lookup.node.addDependency(props.distribution);
    this.vpcOriginsSecurityGroupId = lookup.getResponseField('SecurityGroups.0.GroupId');

    new ec2.CfnSecurityGroupIngress(this, 'FromVpcOrigin', {
      groupId: props.hostSecurityGroup.securityGroupId,
      ipProtocol: 'tcp',
      fromPort: props.port,
      toPort: props.port,
      sourceSecurityGroupId: this.vpcOriginsSecurityGroupId,
      description: 'HTTP from the CloudFront VPC origin only',
    });

    Validations.of(lookup).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'ec2:DescribeSecurityGroups supports no resource-level permissions; the call is read-only.',
    });
    acknowledgeAwsCustomResourceHandler(this);
  }
}
