import { App, CfnParameter, Duration, SecretValue, Stack } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as firehose from 'aws-cdk-lib/aws-kinesisfirehose';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as events from 'aws-cdk-lib/aws-events';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as opensearch from 'aws-cdk-lib/aws-opensearchservice';
import * as pipes from 'aws-cdk-lib/aws-pipes';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { PrivacyChecks } from '../../../lib/privacy/privacy-checks';
import { TestType, testStack, validateStack } from '../utils';

const id = 'Privacy-DataDestinations';

const subscription = (stack: Stack, destinationArn: string) => {
  const group = new logs.LogGroup(stack, 'L', { retention: logs.RetentionDays.ONE_MONTH });
  return new logs.CfnSubscriptionFilter(stack, 'Sub', { logGroupName: group.logGroupName, filterPattern: '', destinationArn });
};

const replicatingBucket = (stack: Stack, destinationBucketArn: string) =>
  new s3.CfnBucket(stack, 'Source', {
    versioningConfiguration: { status: 'Enabled' },
    replicationConfiguration: {
      role: 'arn:aws:iam::123456789012:role/replication',
      rules: [{ status: 'Enabled', destination: { bucket: destinationBucketArn } }],
    },
  });

describe('Privacy-DataDestinations', () => {
  test('Undecidable, and says why: S3 replication to a bucket ARN written as a string (an S3 ARN names no region)', () => {
    const stack = testStack();
    const bucket = new s3.Bucket(stack, 'Logs', { versioned: true });
    (bucket.node.defaultChild as s3.CfnBucket).replicationConfiguration = {
      role: 'arn:aws:iam::123456789012:role/replication',
      rules: [{ status: 'Enabled', destination: { bucket: 'arn:aws:s3:::estate-logs-dr-us-east-1' } }],
    };
    // Not verbose, as `cdk synth` runs the pack: the finding still names the resource, the field, the value and the fix.
    const report = new PrivacyChecks(stack).validateScope(stack.node.root);
    const finding = report.violations.find((v) => v.ruleName === id)!;
    expect(finding.description).not.toMatch(/Rule threw/);
    expect(finding.description).toMatch(/^Undecidable: Test\/Logs\/Resource: destination ReplicationConfiguration\.Rules\[\]\.Destination\.Bucket /);
    expect(finding.description).toContain('bucket estate-logs-dr-us-east-1 outside this app: an S3 ARN names no region');
    expect(finding.description).toContain('define the bucket in this app (in an allowed region)');
  });
  test('Noncompliance 1: log subscription to a Kinesis stream whose ARN is in us-east-1', () => {
    const stack = testStack();
    subscription(stack, 'arn:aws:kinesis:us-east-1:123456789012:stream/central');
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 2: S3 replication to a bucket of this app in a us-east-1 stack', () => {
    const app = new App();
    const us = new Stack(app, 'Us', { env: { account: '123456789012', region: 'us-east-1' } });
    const eu = new Stack(app, 'Eu', { env: { account: '123456789012', region: 'eu-west-1' } });
    const target = new s3.Bucket(us, 'Replica', { bucketName: 'replica-in-virginia' });
    replicatingBucket(eu, target.bucketArn);
    validateStack(eu, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 3: DynamoDB Table replicationRegions (Custom::DynamoDBReplica) outside the EU', () => {
    const stack = testStack();
    new dynamodb.Table(stack, 'T', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING }, replicationRegions: ['us-east-1'] });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 4: TableV2 replica outside the EU', () => {
    const stack = testStack();
    new dynamodb.TableV2(stack, 'T', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING }, replicas: [{ region: 'us-west-2' }] });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 5: AWS Backup copies to a vault in us-west-2', () => {
    const stack = testStack();
    const plan = new backup.BackupPlan(stack, 'Plan');
    plan.addRule(new backup.BackupPlanRule({
      deleteAfter: Duration.days(30),
      copyActions: [{ destinationBackupVault: backup.BackupVault.fromBackupVaultArn(stack, 'Far', 'arn:aws:backup:us-west-2:123456789012:backup-vault:far') }],
    }));
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 6: RDS automated backups replicated to us-east-1', () => {
    const stack = testStack();
    new rds.CfnDBInstance(stack, 'Db', { dbInstanceClass: 'db.t4g.micro', engine: 'postgres', automaticBackupReplicationRegion: 'us-east-1' });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 7: CloudFront real-time logs to a stream in us-east-1', () => {
    const stack = testStack();
    new cloudfront.CfnRealtimeLogConfig(stack, 'Rt', {
      name: 'rt', samplingRate: 100, fields: ['timestamp'],
      endPoints: [{ streamType: 'Kinesis', kinesisStreamConfig: { roleArn: 'arn:aws:iam::123456789012:role/r', streamArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/rt' } }],
    });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 8: public hosted zone query logs to a log group in us-east-1 (the only region Route 53 allows)', () => {
    const stack = testStack();
    new route53.CfnHostedZone(stack, 'Zone', {
      name: 'example.org',
      queryLoggingConfig: { cloudWatchLogsLogGroupArn: 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/route53/example.org' },
    });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 9: WAF logs (client IPs) to a Firehose stream in us-east-1', () => {
    const stack = testStack();
    new wafv2.CfnLoggingConfiguration(stack, 'WafLogs', {
      resourceArn: 'arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/acl/abc',
      logDestinationConfigs: ['arn:aws:firehose:us-east-1:123456789012:deliverystream/aws-waf-logs-central'],
    });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 10: OpenSearch slow logs published to a log group in us-west-2', () => {
    const stack = testStack();
    new opensearch.CfnDomain(stack, 'Search', {
      logPublishingOptions: { SEARCH_SLOW_LOGS: { enabled: true, cloudWatchLogsLogGroupArn: 'arn:aws:logs:us-west-2:123456789012:log-group:slow' } },
    });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 11: an EventBridge pipe whose target is a queue in us-east-1', () => {
    const stack = testStack();
    new pipes.CfnPipe(stack, 'Pipe', {
      roleArn: 'arn:aws:iam::123456789012:role/pipe',
      source: new sqs.Queue(stack, 'Q').queueArn,
      target: 'arn:aws:sqs:us-east-1:123456789012:elsewhere',
    });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 12: failed Lambda invocations (their events) sent to a queue in us-east-1', () => {
    const stack = testStack();
    new lambda.CfnEventInvokeConfig(stack, 'Invoke', {
      functionName: 'f',
      qualifier: '$LATEST',
      destinationConfig: { onFailure: { destination: 'arn:aws:sqs:us-east-1:123456789012:failures' } },
    });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Validation failure 1: replication to an imported bucket (an S3 ARN names no region)', () => {
    const stack = testStack();
    replicatingBucket(stack, s3.Bucket.fromBucketName(stack, 'Imported', 'someone-elses-bucket').bucketArn);
    validateStack(stack, id, TestType.VALIDATION_FAILURE);
  });
  test('Validation failure 2: subscription destination from a parameter', () => {
    const stack = testStack();
    subscription(stack, new CfnParameter(stack, 'Dest').valueAsString);
    validateStack(stack, id, TestType.VALIDATION_FAILURE);
  });
  test('Validation failure 3: Firehose into a bucket outside the app, even in the EU (retention unknown)', () => {
    const stack = testStack();
    new firehose.DeliveryStream(stack, 'F', {
      destination: new firehose.S3Bucket(s3.Bucket.fromBucketArn(stack, 'Ext', 'arn:aws:s3:::vendor-bucket')),
    });
    validateStack(stack, id, TestType.VALIDATION_FAILURE);
  });
  test('Validation failure 4: an EventBridge API destination posts events to an endpoint outside AWS', () => {
    const stack = testStack();
    const connection = new events.Connection(stack, 'C', { authorization: events.Authorization.apiKey('x-api-key', SecretValue.unsafePlainText('k')) });
    new events.ApiDestination(stack, 'Hook', { connection, endpoint: 'https://hooks.example.com/collect' });
    validateStack(stack, id, TestType.VALIDATION_FAILURE);
  });
  test('Compliance: failure destinations, workflow logs and API access logs kept in this app', () => {
    const stack = testStack();
    const group = new logs.LogGroup(stack, 'Group', { retention: logs.RetentionDays.ONE_MONTH });
    new lambda.CfnEventInvokeConfig(stack, 'Invoke', {
      functionName: 'f',
      qualifier: '$LATEST',
      destinationConfig: { onFailure: { destination: new sqs.Queue(stack, 'Failures').queueArn } },
    });
    new sfn.StateMachine(stack, 'Flow', {
      definitionBody: sfn.DefinitionBody.fromChainable(new sfn.Pass(stack, 'Nothing')),
      logs: { destination: group, level: sfn.LogLevel.ERROR },
    });
    validateStack(stack, id, TestType.COMPLIANCE);
  });
  test('Compliance: subscription to a stream of this app, replicas and access logs in the EU', () => {
    const stack = testStack();
    subscription(stack, new kinesis.Stream(stack, 'S', { retentionPeriod: Duration.hours(24) }).streamArn);
    new dynamodb.TableV2(stack, 'T', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING }, replicas: [{ region: 'eu-central-1' }] });
    const logBucket = new s3.Bucket(stack, 'AccessLogs');
    new s3.Bucket(stack, 'Data', { serverAccessLogsBucket: logBucket });
    validateStack(stack, id, TestType.COMPLIANCE);
  });
});
