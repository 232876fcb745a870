import { Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { IConstruct } from 'constructs';

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

/**
 * CloudFormation Validate checks ImageId against the `ami-…` format only; EC2 accepts
 * `resolve:ssm:<parameter>` there and resolves it at launch (EC2 User Guide, "Use a
 * Systems Manager parameter instead of an AMI ID"; CDK's resolveSsmParameterAtLaunch).
 */
export function acknowledgeLaunchResolvedImage(instance: IConstruct): void {
  Validations.of(instance).acknowledge({
    id: 'CloudFormation-Validate::E1152',
    reason:
      'ImageId is resolve:ssm:<public Amazon Linux parameter>, which EC2 resolves once at launch (documented for RunInstances); ' +
      'the validator knows only the ami-… form. A literal AMI would need a lookup at synth or a per-region list to maintain.',
  });
}
