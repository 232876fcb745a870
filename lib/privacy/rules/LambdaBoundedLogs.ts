import { CfnResource, Stack } from 'aws-cdk-lib';
import { boundedGroupNamed, nameKey, namesBoundedLogGroup } from '../checks/log-groups';
import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, PrivacyRuleFactory, nameRule, undecidable } from '../rule';
import { props } from '../template/resolve';

/**
 * Every Lambda function logs to a log group of this app with bounded retention:
 * either `LoggingConfig.LogGroup`, or a group named `/aws/lambda/<FunctionName>` that
 * the app defines or bounds through CDK's `logRetention` (`Custom::LogRetention`).
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
    // Without a FunctionName, CloudFormation names the function after its logical id (`Ref` gives the name).
    const name = p.FunctionName === undefined ? `{${Stack.of(node).resolve(node.logicalId)}}` : nameKey(p.FunctionName);
    if (name === undefined) return undecidable(node, 'FunctionName', p.FunctionName);
    return boundedGroupNamed(node, `/aws/lambda/${name}`, t.maxLogRetentionDays) ? COMPLIANT : NON_COMPLIANT;
  });

export default LambdaBoundedLogs;
