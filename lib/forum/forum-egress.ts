import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';

/**
 * What the forum host may send out, and only that: HTTPS (Amazon Linux packages,
 * Docker Hub images, GitHub for discourse_docker and Discourse, RubyGems and npm
 * during a rebuild, and the AWS APIs: Session Manager, CloudWatch Logs, Secrets
 * Manager, SSM, EC2) and SMTP submission to SES with STARTTLS on 587. DNS and the
 * time service are the VPC's own (security groups do not filter them).
 */
export const FORUM_EGRESS_PORTS: Record<number, string> = {
  443: 'HTTPS: packages, container images, GitHub, gems, AWS APIs',
  587: 'SMTP submission to SES (STARTTLS)',
};

export interface ForumEgressProps {
  /** The forum host's security group, created with allowAllOutbound: false. */
  readonly hostSecurityGroup: ec2.SecurityGroup;
  /** The shared VPC's NAT instance: it forwards only what its ingress rules admit. */
  readonly natSecurityGroup: ec2.ISecurityGroup;
}

/** Opens the host's egress ports, on the host and on the NAT instance it goes out through. */
export class ForumEgress extends Construct {
  constructor(scope: Construct, id: string, props: ForumEgressProps) {
    super(scope, id);
    for (const [port, why] of Object.entries(FORUM_EGRESS_PORTS)) {
      props.hostSecurityGroup.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(Number(port)), why);
      new ec2.CfnSecurityGroupIngress(this, `NatFromHost${port}`, {
        groupId: props.natSecurityGroup.securityGroupId,
        ipProtocol: 'tcp',
        fromPort: Number(port),
        toPort: Number(port),
        sourceSecurityGroupId: props.hostSecurityGroup.securityGroupId,
        description: `Forum host through the NAT: ${why}`,
      });
    }
  }
}
