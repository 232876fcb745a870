import { Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';

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
    machineImage: ec2.MachineImage.latestAmazonLinux2023({ cpuType: ec2.AmazonLinuxCpuType.ARM_64 }),
    // The public subnets do not map public addresses on launch; the NAT needs one.
    associatePublicIpAddress: true,
    defaultAllowedTraffic: ec2.NatTrafficDirection.OUTBOUND_ONLY,
  });
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
    Validations.of(instance).acknowledge({
      id: 'AwsSolutions-EC28',
      reason: 'A NAT instance with no application on it: the free 5-minute metrics are enough to see it is up.',
    });
    Validations.of(instance).acknowledge({
      id: 'AwsSolutions-EC29',
      reason:
        'The NAT instance holds no data and is replaced by CloudFormation on an AMI update; termination protection would ' +
        'block that replacement.',
    });
  }
}
