import { Stack, StackProps, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { EstateConfig } from '../config';
import { CloudFrontOriginFacing } from './network-origin-facing';
import { VpcRejectFlowLog } from './network-flow-log';
import { finishNatInstances, natInstanceProvider } from './network-nat-instance';

export interface NetworkStackProps extends StackProps {
  readonly config: EstateConfig;
}

/**
 * The estate's one VPC, shared by the services that run in it (appman, forum).
 *
 * No NAT gateway and no interface endpoints (see docs/appman.md for the figures):
 * - `publicSubnets`: for tasks and hosts that need outbound internet (image pulls,
 *   SES, Secrets Manager, CloudWatch Logs). They get a public IPv4 address for
 *   egress only: their security groups admit nothing from the internet, only their
 *   own load balancer.
 * - `isolatedSubnets`: no route to or from the internet. Internal load balancers
 *   (reached by CloudFront through VPC origins) and databases live here.
 * - `privateSubnets` (only with a forum): a host that is itself a VPC origin, with
 *   outbound through one NAT instance (docs/forum.md, "Egress").
 */
export class NetworkStack extends Stack {
  public readonly vpc: ec2.Vpc;
  /** Egress-only workloads: public IPv4 for outbound, no inbound rule from the internet. */
  public readonly publicSubnets: ec2.SubnetSelection = { subnetType: ec2.SubnetType.PUBLIC };
  /** Internal load balancers and databases: no internet route at all. */
  public readonly isolatedSubnets: ec2.SubnetSelection = { subnetType: ec2.SubnetType.PRIVATE_ISOLATED };
  /**
   * CloudFront's origin-facing address ranges (the AWS-managed prefix list), for the
   * ingress rule of an internal load balancer that is a CloudFront VPC origin.
   */
  public readonly cloudFrontOriginFacing: ec2.IPeer;
  /**
   * Present when the estate has a forum: private subnets whose outbound traffic goes
   * through one NAT instance (CloudFront VPC origins must be in private subnets; see
   * docs/forum.md). The NAT admits only what a workload's ingress rule on
   * `natSecurityGroup` allows.
   */
  public readonly privateSubnets?: ec2.SubnetSelection;
  public readonly natSecurityGroup?: ec2.ISecurityGroup;

  constructor(scope: Construct, id: string, props: NetworkStackProps) {
    super(scope, id, props);
    const nat = props.config.sites.forum ? natInstanceProvider() : undefined;
    this.vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr('10.40.0.0/16'),
      // Named zones instead of a lookup: synth stays offline (see `availabilityZones` below).
      availabilityZones: namedZones(props.config.region),
      natGateways: nat ? 1 : 0,
      natGatewayProvider: nat,
      subnetConfiguration: [
        { name: 'Public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24, mapPublicIpOnLaunch: false },
        { name: 'Isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
        // Last, so the existing subnets keep their address ranges.
        ...(nat ? [{ name: 'Private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 24 }] : []),
      ],
    });
    if (nat) {
      this.privateSubnets = { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS };
      this.natSecurityGroup = nat.securityGroup;
      finishNatInstances(nat);
    }
    Validations.of(this.vpc).acknowledge({
      id: 'CloudFormation-Validate::W3010',
      reason:
        'The subnets name their zones on purpose: a lookup would make synth call AWS, and `a` and `b` exist in every EU region. ' +
        'Each zone is named once here and every subnet, host and volume follows it.',
    });
    new VpcRejectFlowLog(this, 'RejectFlowLog', { vpc: this.vpc, retentionDays: props.config.logRetentionDays });
    this.cloudFrontOriginFacing = new CloudFrontOriginFacing(this, 'CloudFrontOriginFacing').peer;
  }

  /**
   * The zones the VPC is named with. `ec2.Vpc` checks given `availabilityZones`
   * against `Stack.availabilityZones`, and Stack's getter asks the
   * `availability-zones` context provider (an AWS call) as soon as account and
   * region are both concrete (aws-cdk-lib core/lib/stack.ts, `get availabilityZones`).
   * Overriding it ("To specify a different strategy for selecting availability
   * zones override this method", stack.d.ts) keeps synth offline
   * with `-c account=...` too.
   */
  public get availabilityZones(): string[] {
    return namedZones(this.region);
  }
}

/** Two zones is the minimum an ALB and an RDS subnet group accept; every EU region has `a` and `b`. */
function namedZones(region: string): string[] {
  return [`${region}a`, `${region}b`];
}
