import { CfnParameter } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as firehose from 'aws-cdk-lib/aws-kinesisfirehose';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Stack } from 'aws-cdk-lib';
import { TestType, testStack, validateStack } from '../utils';

const inlineFn = (stack: Stack, id: string, props: Partial<lambda.FunctionProps> = {}) =>
  new lambda.Function(stack, id, {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => 1;'),
    ...props,
  });

describe('Privacy-LogGroupRetention', () => {
  const id = 'Privacy-LogGroupRetention';
  test('Noncompliance 1: never expires', () => {
    const stack = testStack();
    new logs.LogGroup(stack, 'L', { retention: logs.RetentionDays.INFINITE });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 2: longer than the maximum', () => {
    const stack = testStack();
    new logs.LogGroup(stack, 'L', { retention: logs.RetentionDays.THREE_MONTHS });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Validation failure: retention from a parameter', () => {
    const stack = testStack();
    new logs.CfnLogGroup(stack, 'L', { retentionInDays: new CfnParameter(stack, 'Days', { type: 'Number' }).valueAsNumber });
    validateStack(stack, id, TestType.VALIDATION_FAILURE);
  });
  test('Compliance', () => {
    const stack = testStack();
    new logs.LogGroup(stack, 'L', { retention: logs.RetentionDays.ONE_MONTH });
    validateStack(stack, id, TestType.COMPLIANCE);
  });
});

describe('Privacy-LambdaBoundedLogs', () => {
  const id = 'Privacy-LambdaBoundedLogs';
  test('Noncompliance 1: no log group (Lambda would create one that never expires)', () => {
    const stack = testStack();
    inlineFn(stack, 'F');
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 2: log group without retention', () => {
    const stack = testStack();
    inlineFn(stack, 'F', { logGroup: new logs.LogGroup(stack, 'L', { retention: logs.RetentionDays.INFINITE }) });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 3: log group named by a string the app does not define', () => {
    const stack = testStack();
    inlineFn(stack, 'F', { logGroup: logs.LogGroup.fromLogGroupName(stack, 'L', 'elsewhere') });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Validation failure: log group name from a parameter', () => {
    const stack = testStack();
    const name = new CfnParameter(stack, 'Name').valueAsString;
    inlineFn(stack, 'F', { logGroup: logs.LogGroup.fromLogGroupName(stack, 'L', name) });
    validateStack(stack, id, TestType.VALIDATION_FAILURE);
  });
  test('Compliance: explicit bounded group, or /aws/lambda/<name> defined with retention', () => {
    const stack = testStack();
    inlineFn(stack, 'F', { logGroup: new logs.LogGroup(stack, 'L', { retention: logs.RetentionDays.TWO_WEEKS }) });
    inlineFn(stack, 'Named', { functionName: 'named' });
    new logs.LogGroup(stack, 'NamedLogs', { logGroupName: '/aws/lambda/named', retention: logs.RetentionDays.ONE_MONTH });
    validateStack(stack, id, TestType.COMPLIANCE);
  });
});

describe('Privacy-ContainerBoundedLogs', () => {
  const id = 'Privacy-ContainerBoundedLogs';
  const task = (stack: Stack, logging?: ecs.LogDriver) => {
    const def = new ecs.FargateTaskDefinition(stack, 'T');
    def.addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx'), logging });
  };
  test('Noncompliance 1: awslogs to a group that never expires', () => {
    const stack = testStack();
    task(stack, ecs.LogDrivers.awsLogs({ streamPrefix: 'app', logGroup: new logs.LogGroup(stack, 'L', { retention: logs.RetentionDays.INFINITE }) }));
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 2: FireLens log router', () => {
    const stack = testStack();
    task(stack, ecs.LogDrivers.firelens({ options: { Name: 'datadog', Host: 'http-intake.logs.datadoghq.eu' } }));
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 3: third-party driver', () => {
    const stack = testStack();
    task(stack, new ecs.GenericLogDriver({ logDriver: 'splunk', options: { 'splunk-url': 'https://splunk.example.com' } }));
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Compliance: bounded awslogs, or no logging at all', () => {
    const stack = testStack();
    task(stack, ecs.LogDrivers.awsLogs({ streamPrefix: 'app', logGroup: new logs.LogGroup(stack, 'L', { retention: logs.RetentionDays.ONE_MONTH }) }));
    const silent = new ecs.FargateTaskDefinition(stack, 'Silent');
    silent.addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx') });
    validateStack(stack, id, TestType.COMPLIANCE);
  });
});

describe('Privacy-NoThirdPartyLogDelivery', () => {
  const id = 'Privacy-NoThirdPartyLogDelivery';
  test('Noncompliance 1: Firehose to an HTTP endpoint', () => {
    const stack = testStack();
    new firehose.CfnDeliveryStream(stack, 'F', {
      httpEndpointDestinationConfiguration: {
        endpointConfiguration: { url: 'https://collector.example.com' },
        s3Configuration: { bucketArn: 'arn:aws:s3:::b', roleArn: 'arn:aws:iam::123456789012:role/r' },
      },
    });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Compliance: Firehose to S3', () => {
    const stack = testStack();
    new firehose.CfnDeliveryStream(stack, 'F', {
      s3DestinationConfiguration: { bucketArn: 'arn:aws:s3:::b', roleArn: 'arn:aws:iam::123456789012:role/r' },
    });
    validateStack(stack, id, TestType.COMPLIANCE);
  });
});
