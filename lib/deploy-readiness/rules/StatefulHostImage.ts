import { CfnParameter, CfnResource, Stack } from 'aws-cdk-lib';
import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, deployRule } from '../rule';
import { props } from '../../privacy/template/resolve';

/**
 * CloudFormation User Guide, AWS::EC2::Instance ImageId ("Update requires: Replacement"),
 * and the SSM parameter types resolved on every stack operation.
 */
export const DOCS = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-instance.html#cfn-ec2-instance-imageid';

/**
 * An EC2 instance whose image id is resolved by CloudFormation at each deploy (an
 * `AWS::SSM::Parameter::Value<…>` parameter, e.g. a latest-AMI alias, or a
 * `{{resolve:ssm:…}}` dynamic reference) is replaced whenever AWS publishes a new
 * image, on whatever deploy happens next. `resolve:ssm:` given to EC2 itself is
 * resolved once, at launch, and does not change the template.
 */
export default deployRule(__filename, {
  docs: DOCS,
  info: 'An EC2 instance takes its image from an SSM parameter that CloudFormation resolves at every deploy.',
  explanation:
    'Each new image published under the parameter replaces the instance on the next deploy, unplanned: a host with state or a ' +
    'long first boot (a rebuild, a NAT route) goes down. Pin the image (an AMI id in config), or let EC2 resolve the parameter ' +
    'once at launch (MachineImage.resolveSsmParameterAtLaunch).',
  check: (node: CfnResource) => {
    if (node.cfnResourceType !== 'AWS::EC2::Instance') return NOT_APPLICABLE;
    const image = props(node).ImageId;
    if (typeof image === 'string') return image.startsWith('{{resolve:ssm') ? NON_COMPLIANT : COMPLIANT;
    const ref = image?.Ref;
    if (typeof ref !== 'string') return COMPLIANT;
    const stack = Stack.of(node);
    const parameter = stack.node.findAll().find((c): c is CfnParameter => c instanceof CfnParameter && stack.resolve(c.logicalId) === ref);
    return parameter?.type.startsWith('AWS::SSM::Parameter::Value') ? NON_COMPLIANT : COMPLIANT;
  },
});
