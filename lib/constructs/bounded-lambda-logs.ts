import { Aspects, CfnResource, IAspect, Stack } from 'aws-cdk-lib';
import { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { IConstruct } from 'constructs';
import { boundedLogRetention } from './log-retention';

/**
 * Gives every Lambda function in `scope` that has no explicit log group one with
 * bounded retention. Without it AWS creates `/aws/lambda/<name>` on first
 * invocation with retention "never expire" — which CDK's own custom-resource
 * handlers (content deployment, bucket notifications, cross-region references)
 * would otherwise do.
 *
 * Two hooks, because CDK creates some handlers late: an aspect covers functions
 * that exist when aspects run; a tree validation, the last step before templates
 * are rendered, covers those CDK adds while resolving cross-region references.
 */
export function boundLambdaLogs(scope: IConstruct, retentionDays: number): void {
  const retention = boundedLogRetention(retentionDays);
  const bound: IAspect = { visit: (node) => giveLogGroup(node, retention) };
  Aspects.of(scope).add(bound);
  scope.node.addValidation({
    validate: () => {
      for (const node of scope.node.findAll()) giveLogGroup(node, retention);
      return [];
    },
  });
}

function giveLogGroup(node: IConstruct, retention: number): void {
  if (!CfnResource.isCfnResource(node) || node.cfnResourceType !== 'AWS::Lambda::Function') return;
  const scope = node.node.scope;
  if (!scope || hasLogGroup(node)) return;
  const logGroup = new LogGroup(scope, `${node.node.id}BoundedLogGroup`, { retention });
  node.addPropertyOverride('LoggingConfig.LogGroup', logGroup.logGroupName);
}

interface WithLoggingConfig {
  LoggingConfig?: { LogGroup?: unknown };
}

function hasLogGroup(fn: CfnResource): boolean {
  // An override this module (or anyone) added wins over the construct's own value.
  const override = (fn as unknown as { rawOverrides?: { Properties?: WithLoggingConfig } }).rawOverrides;
  if (override?.Properties?.LoggingConfig?.LogGroup) return true;
  if (fn instanceof CfnFunction) {
    return Boolean(Stack.of(fn).resolve(fn.loggingConfig)?.logGroup);
  }
  // Raw AWS::Lambda::Function resources (CDK's CustomResourceProvider) keep their
  // properties on the resource itself.
  const props = (fn as unknown as { _cfnProperties?: WithLoggingConfig })._cfnProperties;
  return Boolean(props?.LoggingConfig?.LogGroup);
}
