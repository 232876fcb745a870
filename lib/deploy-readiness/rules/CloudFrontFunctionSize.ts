import { CfnResource } from 'aws-cdk-lib';
import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, deployRule } from '../rule';
import { literal, props } from '../../privacy/template/resolve';

/** CloudFront Developer Guide, Quotas → "Quotas on CloudFront Functions". */
export const DOCS = 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html#limits-functions';

/** Maximum size of a function's code, in bytes (10 KB). */
export const FUNCTION_CODE_QUOTA = 10 * 1024;

export default deployRule(__filename, {
  docs: DOCS,
  info: `The CloudFront Function's code is larger than ${FUNCTION_CODE_QUOTA / 1024} KB.`,
  explanation: 'CloudFront refuses a function whose code exceeds 10 KB (FunctionSizeLimitExceeded). Minify it or move data into a key value store.',
  check: (node: CfnResource) => {
    if (node.cfnResourceType !== 'AWS::CloudFront::Function') return NOT_APPLICABLE;
    const code = literal<string>(node, 'FunctionCode', props(node).FunctionCode) ?? '';
    return Buffer.byteLength(code, 'utf8') > FUNCTION_CODE_QUOTA ? NON_COMPLIANT : COMPLIANT;
  },
});
