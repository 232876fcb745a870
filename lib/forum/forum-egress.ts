import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';

/**
 * What the forum host may send out, and only that: HTTPS (Amazon Linux packages,
 * Docker Hub images, GitHub for discourse_docker and Discourse, RubyGems and npm
 * during a rebuild, and the AWS APIs: Session Manager, CloudWatch Logs, Secrets
 * Manager, SSM, EC2), plain HTTP, and SMTP submission to SES with STARTTLS on 587.
 * DNS and the time service are the VPC's own (security groups do not filter them).
 *
 * HTTP (80), to any address, because two things the forum must do use it and neither has
 * fixed addresses a security group rule could name (rules name CIDRs, prefix lists or
 * groups, not host names):
 * - a PostgreSQL major upgrade: discourse_docker templates/postgres.template.yml runs
 *   `apt-get update` (line 138) inside the container, whose Debian sources are
 *   `http://deb.debian.org` (image/base/Dockerfile line 83 and the Debian base image);
 *   with 80 closed the index downloads fail, apt-get exits non-zero and the template's
 *   `trap ... ERR` aborts the upgrade, so the rebuild that brings a new PostgreSQL fails;
 * - `http://` links in posts: Discourse fetches them on the server for link previews and
 *   to copy remote images to the forum; most answer with a redirect to https, which the
 *   server never sees with 80 closed, so the image is not copied.
 * Nothing the forum sends on 80 carries member data: requests for public URLs, and apt
 * checks the signed Release files whatever the transport.
 */
export const FORUM_EGRESS_PORTS: Record<number, string> = {
  80: 'HTTP: Debian mirrors (PostgreSQL upgrade), http:// links and images in posts',
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
