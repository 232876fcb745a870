import { CfnParameter, Duration, Fn, Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as events from 'aws-cdk-lib/aws-events';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { TestType, findings, testStack, validateStack } from '../utils';

const fn = (stack: Stack, props: Partial<lambda.FunctionProps> = {}) =>
  new lambda.Function(stack, 'F', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => 1;'),
    ...props,
  });

const api = (stack: Stack, deployOptions: apigw.StageOptions) => {
  const rest = new apigw.RestApi(stack, 'Api', { deployOptions: { stageName: 'prod', ...deployOptions } });
  rest.root.addMethod('GET', new apigw.MockIntegration());
  return rest;
};

const database = (stack: Stack, props: Partial<rds.CfnDBInstanceProps> = {}) =>
  new rds.CfnDBInstance(stack, 'Db', { dbInstanceClass: 'db.t4g.micro', engine: 'postgres', enableCloudwatchLogsExports: ['postgresql'], ...props });

describe('Privacy-LambdaBoundedLogs recognises CDK logRetention (Custom::LogRetention)', () => {
  const id = 'Privacy-LambdaBoundedLogs';
  test('Compliance: logRetention of one week bounds the group Lambda creates', () => {
    const stack = testStack();
    fn(stack, { logRetention: logs.RetentionDays.ONE_WEEK });
    // CDK's LogRetention handler is itself a function without a bounded group: a true finding, but not F.
    expect(findings(stack, id).paths).toEqual(['Test/LogRetentionaae0aa3c5b4d4f87b02d85b201efdd8a/Resource']);
  });
  test('Noncompliance: logRetention longer than the maximum', () => {
    const stack = testStack();
    fn(stack, { logRetention: logs.RetentionDays.ONE_YEAR });
    expect(findings(stack, id).paths).toContain('Test/F/Resource');
  });
});

describe('Privacy-ImplicitLogGroups', () => {
  const id = 'Privacy-ImplicitLogGroups';
  test('Noncompliance 1: API Gateway execution logging without a bounded group', () => {
    const stack = testStack();
    api(stack, { loggingLevel: apigw.MethodLoggingLevel.INFO });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 2: API Gateway access logs to a group that never expires', () => {
    const stack = testStack();
    const group = new logs.LogGroup(stack, 'Access', { retention: logs.RetentionDays.INFINITE });
    api(stack, { accessLogDestination: new apigw.LogGroupLogDestination(group), accessLogFormat: apigw.AccessLogFormat.clf() });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 3: RDS log export without a bounded group', () => {
    const stack = testStack();
    database(stack);
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 4: VPC flow log to a group named by a string the app does not define', () => {
    const stack = testStack();
    const vpc = new ec2.CfnVPC(stack, 'Vpc', { cidrBlock: '10.0.0.0/16' });
    new ec2.CfnFlowLog(stack, 'Flow', {
      resourceId: vpc.ref, resourceType: 'VPC', trafficType: 'ALL', logGroupName: 'vpc-flow',
      deliverLogsPermissionArn: 'arn:aws:iam::123456789012:role/flow',
    });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Validation failure: database identifier from a parameter', () => {
    const stack = testStack();
    database(stack, { dbInstanceIdentifier: Fn.join('-', ['db', new CfnParameter(stack, 'Env').valueAsString, Fn.select(0, Fn.getAzs())]) });
    validateStack(stack, id, TestType.VALIDATION_FAILURE);
  });
  test('Compliance 1: execution log group defined with retention under the name AWS uses', () => {
    const stack = testStack();
    const rest = api(stack, { loggingLevel: apigw.MethodLoggingLevel.ERROR });
    new logs.LogGroup(stack, 'Exec', {
      logGroupName: `API-Gateway-Execution-Logs_${rest.restApiId}/prod`,
      retention: logs.RetentionDays.TWO_WEEKS,
    });
    validateStack(stack, id, TestType.COMPLIANCE);
  });
  test('Compliance 2: RDS cloudwatchLogsRetention (Custom::LogRetention) and flow logs to a bounded group', () => {
    const stack = testStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0, subnetConfiguration: [{ name: 'p', subnetType: ec2.SubnetType.PUBLIC }] });
    vpc.addFlowLog('Flow', { destination: ec2.FlowLogDestination.toCloudWatchLogs(new logs.LogGroup(stack, 'FlowLogs', { retention: logs.RetentionDays.ONE_WEEK })) });
    new rds.DatabaseInstance(stack, 'Db', {
      engine: rds.DatabaseInstanceEngine.POSTGRES, vpc, vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      cloudwatchLogsExports: ['postgresql'], cloudwatchLogsRetention: logs.RetentionDays.ONE_WEEK,
    });
    validateStack(stack, id, TestType.COMPLIANCE);
  });
});

describe('Privacy-StoreRetention', () => {
  const id = 'Privacy-StoreRetention';
  test('Noncompliance 1: Kinesis stream kept a year', () => {
    const stack = testStack();
    new kinesis.Stream(stack, 'S', { retentionPeriod: Duration.days(365) });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 2: EventBridge archive without retention (kept indefinitely)', () => {
    const stack = testStack();
    new events.Archive(stack, 'A', { sourceEventBus: new events.EventBus(stack, 'Bus'), eventPattern: { source: ['app'] } });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 3: Object Lock keeps versions a year beyond a 30-day lifecycle', () => {
    const stack = testStack();
    new s3.Bucket(stack, 'B', {
      objectLockEnabled: true,
      objectLockDefaultRetention: s3.ObjectLockRetention.governance(Duration.days(365)),
      lifecycleRules: [{ expiration: Duration.days(30), noncurrentVersionExpiration: Duration.days(30) }],
    });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 4: launch template volume kept after its instance ends', () => {
    const stack = testStack();
    new ec2.LaunchTemplate(stack, 'Lt', {
      blockDevices: [{ deviceName: '/dev/xvda', volume: ec2.BlockDeviceVolume.ebs(20, { encrypted: true, deleteOnTermination: false }) }],
    });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Validation failure: stream retention from a parameter', () => {
    const stack = testStack();
    new kinesis.CfnStream(stack, 'S', { shardCount: 1, retentionPeriodHours: new CfnParameter(stack, 'Hours', { type: 'Number' }).valueAsNumber });
    validateStack(stack, id, TestType.VALIDATION_FAILURE);
  });
  test('Compliance: default stream, archive of 14 days, lock within the lifecycle, volumes deleted with instances', () => {
    const stack = testStack();
    new kinesis.Stream(stack, 'S');
    new events.Archive(stack, 'A', { sourceEventBus: new events.EventBus(stack, 'Bus'), eventPattern: { source: ['app'] }, retention: Duration.days(14) });
    new s3.Bucket(stack, 'B', {
      objectLockEnabled: true,
      objectLockDefaultRetention: s3.ObjectLockRetention.governance(Duration.days(7)),
      lifecycleRules: [{ expiration: Duration.days(30), noncurrentVersionExpiration: Duration.days(30) }],
    });
    new ec2.LaunchTemplate(stack, 'Lt', { blockDevices: [{ deviceName: '/dev/xvda', volume: ec2.BlockDeviceVolume.ebs(20, { encrypted: true }) }] });
    validateStack(stack, id, TestType.COMPLIANCE);
  });
});

describe('Privacy-NoGuestIdentities', () => {
  const id = 'Privacy-NoGuestIdentities';
  test('Noncompliance: identity pool for unauthenticated visitors (as RUM sets up)', () => {
    const stack = testStack();
    new cognito.CfnIdentityPool(stack, 'Ids', { allowUnauthenticatedIdentities: true });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Validation failure: the switch from a parameter', () => {
    const stack = testStack();
    new cognito.CfnIdentityPool(stack, 'Ids', {
      allowUnauthenticatedIdentities: Fn.conditionIf('Guests', true, false) as unknown as boolean,
    });
    validateStack(stack, id, TestType.VALIDATION_FAILURE);
  });
  test('Compliance: signed-in users only', () => {
    const stack = testStack();
    new cognito.CfnIdentityPool(stack, 'Ids', { allowUnauthenticatedIdentities: false });
    validateStack(stack, id, TestType.COMPLIANCE);
  });
});
