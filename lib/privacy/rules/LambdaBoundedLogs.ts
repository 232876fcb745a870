import { CfnResource } from 'aws-cdk-lib';
import { namesBoundedLogGroup } from '../checks/log-groups';
import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, PrivacyRuleFactory, nameRule } from '../rule';
import { literal, props } from '../template/resolve';

/**
 * Every Lambda function logs to a log group of this app with bounded retention:
 * either `LoggingConfig.LogGroup`, or a group named `/aws/lambda/<FunctionName>`.
 * Without one, Lambda creates its group on first run with retention "never expire".
 */
const LambdaBoundedLogs: PrivacyRuleFactory = (t) =>
  nameRule(__filename, (node: CfnResource) => {
    if (node.cfnResourceType !== 'AWS::Lambda::Function') return NOT_APPLICABLE;
    const p = props(node);
    const logGroup = p.LoggingConfig?.LogGroup;
    if (logGroup !== undefined) {
      return namesBoundedLogGroup(node, 'LoggingConfig.LogGroup', logGroup, t.maxLogRetentionDays) ? COMPLIANT : NON_COMPLIANT;
    }
    const name = literal(node, 'FunctionName', p.FunctionName);
    if (name === undefined) return NON_COMPLIANT;
    return namesBoundedLogGroup(node, 'FunctionName', `/aws/lambda/${name}`, t.maxLogRetentionDays) ? COMPLIANT : NON_COMPLIANT;
  });

export default LambdaBoundedLogs;
