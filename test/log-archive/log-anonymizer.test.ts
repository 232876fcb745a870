import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { LogAnonymizer } from '../../lib/log-archive/log-anonymizer';

function synth(): Template {
  const app = new App();
  const stack = new Stack(app, 'Logs', { env: { region: 'eu-west-1', account: '123456789012' } });
  const bucket = new s3.Bucket(stack, 'LogBucket');
  new LogAnonymizer(stack, 'Anonymizer', { bucket, sites: { main: 'truncate', appman: 'truncate', forum: 'keep' }, logRetentionDays: 20 });
  return Template.fromStack(stack);
}

const template = synth();
const anonymizer = () => {
  const fns = template.findResources('AWS::Lambda::Function', { Properties: { Handler: 'index.handler', Runtime: Match.stringLikeRegexp('^nodejs') } });
  const entries = Object.entries(fns).filter(([, r]) => r.Properties.Description?.startsWith('Truncates'));
  expect(entries).toHaveLength(1);
  return entries[0];
};

test('Node.js 22 on arm64, bundled (inline code would mean no esbuild bundle), with its settings in the environment', () => {
  const [, fn] = anonymizer();
  expect(fn.Properties.Runtime).toBe('nodejs22.x');
  expect(fn.Properties.Architectures).toEqual(['arm64']);
  expect(fn.Properties.Code.S3Key).toMatch(/\.zip$/);
  expect(JSON.parse(fn.Properties.Environment.Variables.ANONYMIZER_SITES)).toEqual({ main: 'truncate', appman: 'truncate', forum: 'keep' });
  expect(fn.Properties.Environment.Variables.ANONYMIZER_S3_ACCESS).toBe('truncate');
});

test('its own log group, retention bounded by the configured days (20 → 14, CloudWatch rounds down)', () => {
  const [, fn] = anonymizer();
  const groupId = fn.Properties.LoggingConfig.LogGroup.Ref;
  expect(template.toJSON().Resources[groupId].Properties.RetentionInDays).toBe(14);
});

test('notified only for the raw prefixes of truncate sites and S3 access logs', () => {
  const [id] = anonymizer();
  const config = template.findResources('Custom::S3BucketNotifications');
  const lambdaConfigs = Object.values(config)[0].Properties.NotificationConfiguration.LambdaFunctionConfigurations;
  const prefixes = lambdaConfigs.map((c: { Filter: { Key: { FilterRules: { Value: string }[] } }; LambdaFunctionArn: { 'Fn::GetAtt': string[] } }) => {
    expect(c.LambdaFunctionArn['Fn::GetAtt'][0]).toBe(id);
    return c.Filter.Key.FilterRules[0].Value;
  });
  expect(prefixes.sort()).toEqual(['alb/appman/', 'alb/main/', 'cloudfront/appman/', 'cloudfront/main/', 's3-access/']);
});

test("IAM reaches only the log bucket's raw, anonymized and quarantine prefixes", () => {
  const [, fn] = anonymizer();
  const roleId = fn.Properties.Role['Fn::GetAtt'][0];
  const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter((p) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref === roleId));
  const statements = policies.flatMap((p) => p.Properties.PolicyDocument.Statement);
  const objectResources = statements
    .filter((s: { Action: string | string[] }) => ([] as string[]).concat(s.Action).some((a) => a.endsWith('Object') || a.startsWith('s3:Abort')))
    .flatMap((s: { Resource: unknown }) => ([] as unknown[]).concat(s.Resource))
    .map((r: unknown) => (r as { 'Fn::Join': [string, [unknown, string]] })['Fn::Join'][1][1]);
  expect(objectResources.sort()).toEqual(
    ['/alb/appman/*', '/alb/main/*', '/anonymized/*', '/cloudfront/appman/*', '/cloudfront/main/*', '/quarantine/*', '/s3-access/*'].sort(),
  );
  // Delete only where raw logs live; the forum (keep) is not reachable at all.
  const deletes = statements.filter((s: { Action: string | string[] }) => ([] as string[]).concat(s.Action).includes('s3:DeleteObject'));
  expect(JSON.stringify(deletes)).not.toMatch(/anonymized|quarantine|forum/);
  expect(JSON.stringify(statements)).not.toMatch(/"Resource":"\*"|s3:\*/);
});

describe('failed events are kept, bounded, and raise an alarm', () => {
  const queues = () => Object.entries(template.findResources('AWS::SQS::Queue'));

  test('after the retries, the event goes to an encrypted queue that keeps it no longer than the logs (20 days → SQS max 14)', () => {
    const [fnId] = anonymizer();
    expect(queues()).toHaveLength(1);
    const [queueId, queue] = queues()[0];
    expect(queue.Properties.MessageRetentionPeriod).toBe(14 * 86400);
    expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
    expect(queue.DeletionPolicy).toBe('Retain');
    const [, invoke] = Object.entries(template.findResources('AWS::Lambda::EventInvokeConfig'))[0];
    expect(invoke.Properties.FunctionName.Ref).toBe(fnId);
    expect(invoke.Properties.MaximumRetryAttempts).toBe(2);
    expect(invoke.Properties.DestinationConfig.OnFailure.Destination).toEqual({ 'Fn::GetAtt': [queueId, 'Arn'] });
  });

  test('the queue refuses requests without TLS', () => {
    const [queueId] = queues()[0];
    const [, policy] = Object.entries(template.findResources('AWS::SQS::QueuePolicy'))[0];
    expect(policy.Properties.Queues).toEqual([{ Ref: queueId }]);
    expect(policy.Properties.PolicyDocument.Statement).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Action: 'sqs:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
  });

  test('an alarm fires as soon as one failed event waits', () => {
    const [queueId] = queues()[0];
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Namespace: 'AWS/SQS',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      EvaluationPeriods: 1,
      TreatMissingData: 'notBreaching',
    });
  });
});
