import { Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { acknowledgeLaunchResolvedImage, hostImage } from '../constructs/host-image';

/**
 * Outbound internet for hosts in the shared VPC's private subnets (the forum host,
 * which CloudFront reaches as a VPC origin and which must therefore sit in a private
 * subnet without a public address). A NAT instance, not a NAT gateway: one t4g.nano
 * costs about a fifth of a NAT gateway's hourly charge (docs/forum.md, "Egress").
 *
 * It admits nothing by default (OUTBOUND_ONLY): each workload that needs egress adds
 * an ingress rule from its own security group, for its own ports, so the NAT forwards
 * only what that workload is allowed to send.
 */
export function natInstanceProvider(): ec2.NatInstanceProviderV2 {
  return ec2.NatProvider.instanceV2({
    instanceType: ec2.InstanceType.of(ec2.InstanceClass.T4G, ec2.InstanceSize.NANO),
    // Resolved once at launch: a new Amazon Linux image does not replace the NAT on a deploy.
    machineImage: hostImage(),
    userData: natUserData(),
    // The public subnets do not map public addresses on launch; the NAT needs one.
    associatePublicIpAddress: true,
    defaultAllowedTraffic: ec2.NatTrafficDirection.OUTBOUND_ONLY,
  });
}

/**
 * CDK's default NAT commands (NatInstanceProviderV2.DEFAULT_USER_DATA_COMMANDS), made
 * to survive a slow first boot: the package install is retried until the mirror
 * answers (user data runs once; without iptables the NAT forwards nothing and the
 * forum never bootstraps), and the outbound interface is read with `ip route`
 * (`route` is net-tools, not on every Amazon Linux 2023 image). Rules and forwarding
 * persist across reboots (iptables-services, sysctl.d).
 */
function natUserData(): ec2.UserData {
  const userData = ec2.UserData.forLinux();
  userData.addCommands(
    'until dnf install -y iptables-services; do echo "iptables-services not installed yet, retrying"; sleep 15; done',
    'systemctl enable --now iptables',
    'echo "net.ipv4.ip_forward=1" > /etc/sysctl.d/custom-ip-forwarding.conf',
    'sysctl -p /etc/sysctl.d/custom-ip-forwarding.conf',
    'iptables -t nat -A POSTROUTING -o "$(ip route show default | awk \'{print $5; exit}\')" -j MASQUERADE',
    'iptables -F FORWARD',
    'service iptables save',
  );
  return userData;
}

/**
 * After the VPC has created the NAT instance: an encrypted gp3 root volume (the
 * provider has no block-device option), and the cdk-nag findings that stand, each
 * with its reason.
 */
export function finishNatInstances(provider: ec2.NatInstanceProviderV2): void {
  for (const instance of provider.gatewayInstances) {
    instance.instance.blockDeviceMappings = [
      // Amazon Linux 2023's root device and its AMI's 8 GiB.
      { deviceName: '/dev/xvda', ebs: { encrypted: true, volumeType: 'gp3', volumeSize: 8, deleteOnTermination: true } },
    ];
    // IMDSv2 only (the provider has no option for it): a forwarded request cannot read the role's credentials.
    instance.instance.metadataOptions = { httpTokens: 'required' };
    acknowledgeLaunchResolvedImage(instance);
    Validations.of(instance).acknowledge({
      id: 'AwsSolutions-EC28',
      reason: 'A NAT instance with no application on it: the free 5-minute metrics are enough to see it is up.',
    });
    Validations.of(instance).acknowledge({
      id: 'AwsSolutions-EC29',
      reason:
        'The NAT instance holds no data; termination protection would block CloudFormation from replacing it when its ' +
        'instance type or user data changes.',
    });
  }
}
