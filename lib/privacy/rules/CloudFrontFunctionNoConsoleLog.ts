import { CfnResource } from 'aws-cdk-lib';
import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, nameRule } from '../rule';
import { literal, props } from '../template/resolve';

/** `console.log(`, `console .log`, `console['log']`: every spelling that writes a log line. */
const CONSOLE_LOG = /\bconsole\s*(?:\.\s*log\b|\[\s*['"`]log['"`]\s*\])/;

/**
 * No CloudFront Function calls console.log: its output goes to CloudWatch Logs in
 * us-east-1, outside the allowed regions, with whatever the code printed — often
 * the request, its cookies and the viewer's IP.
 */
const CloudFrontFunctionNoConsoleLog = nameRule(__filename, (node: CfnResource) => {
  if (node.cfnResourceType !== 'AWS::CloudFront::Function') return NOT_APPLICABLE;
  const code = literal(node, 'FunctionCode', props(node).FunctionCode);
  return typeof code === 'string' && CONSOLE_LOG.test(code) ? NON_COMPLIANT : COMPLIANT;
});

export default CloudFrontFunctionNoConsoleLog;
