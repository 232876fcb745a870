import * as ec2 from 'aws-cdk-lib/aws-ec2';

/** AWS's public parameter naming the newest Amazon Linux 2023 image for Graviton. */
export const AMAZON_LINUX_2023_ARM64_PARAMETER = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-arm64';

/**
 * The image of the estate's EC2 hosts (the forum host, the NAT instance): the newest
 * Amazon Linux 2023 when the instance is launched, resolved once by EC2
 * (`resolve:ssm:` in ImageId), not by CloudFormation at every deploy. The template
 * never changes with a new image, so a deploy does not replace a host (and rebuild
 * Discourse) because AWS published one; synth stays offline. Hosts are brought up to
 * date in place (`dnf upgrade --releasever=latest`) or replaced on purpose
 * (docs/forum.md, "Upgrades").
 */
export function hostImage(): ec2.IMachineImage {
  return ec2.MachineImage.resolveSsmParameterAtLaunch(AMAZON_LINUX_2023_ARM64_PARAMETER, { os: ec2.OperatingSystemType.LINUX });
}
