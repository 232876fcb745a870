import { CfnResource } from 'aws-cdk-lib';
import { callsConsoleLog, parseCode } from '../checks/code';
import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, nameRule, undecidable } from '../rule';
import { literal, props } from '../template/resolve';

/**
 * No CloudFront Function calls console.log: its output goes to CloudWatch Logs in
 * us-east-1, outside the allowed regions, with whatever the code printed — often
 * the request, its cookies and the viewer's IP. The code is parsed, not grepped:
 * a `console.log` inside a comment or a string is not a call.
 */
const CloudFrontFunctionNoConsoleLog = nameRule(__filename, (node: CfnResource) => {
  if (node.cfnResourceType !== 'AWS::CloudFront::Function') return NOT_APPLICABLE;
  const code = literal(node, 'FunctionCode', props(node).FunctionCode);
  if (typeof code !== 'string') return COMPLIANT;
  const ast = parseCode(code);
  if (ast === undefined) return undecidable(node, 'FunctionCode (does not parse as JavaScript)', code.slice(0, 80));
  return callsConsoleLog(ast) ? NON_COMPLIANT : COMPLIANT;
});

export default CloudFrontFunctionNoConsoleLog;
