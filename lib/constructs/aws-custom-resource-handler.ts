import { Stack, Validations } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/** Id prefix of the singleton Lambda that every AwsCustomResource of a stack shares. */
const AWS_CUSTOM_RESOURCE_HANDLER = 'AWS679f53fac002430cb0da5b7982bd2287';

/**
 * Acknowledges what AwsSolutions finds in CDK's shared AwsCustomResource handler of
 * `scope`'s stack: its role and runtime are CDK's, not ours to shape. Call after
 * creating an AwsCustomResource.
 */
export function acknowledgeAwsCustomResourceHandler(scope: Construct): void {
  for (const child of Stack.of(scope).node.children) {
    if (!child.node.id.startsWith(AWS_CUSTOM_RESOURCE_HANDLER)) continue;
    Validations.of(child).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        "AWSLambdaBasicExecutionRole on CDK's AwsCustomResource handler only lets it write its own logs, which go to " +
        'a retention-bounded log group in this EU stack.',
    });
    Validations.of(child).acknowledge({
      id: 'AwsSolutions-L1',
      reason: "The runtime of CDK's AwsCustomResource handler is pinned by aws-cdk-lib and moves with its upgrades.",
    });
  }
}
