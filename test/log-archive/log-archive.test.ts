import { Match, Template } from 'aws-cdk-lib/assertions';
import { estateConfig } from '../../estate.config';
import { buildEstate } from '../setup/estate';

describe('log archive stack', () => {
  const { estate } = buildEstate();
  const template = Template.fromStack(estate.logArchive);

  test('lives in the configured EU region', () => {
    expect(estate.logArchive.region).toBe(estateConfig.region);
  });

  test('log bucket: all public access blocked, SSE-S3, ACL-capable ownership for CloudFront logging', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }] },
    });
  });

  test('log bucket: every object, current or not, expires after the configured days', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: [
          {
            Status: 'Enabled',
            ExpirationInDays: estateConfig.logRetentionDays,
            NoncurrentVersionExpiration: { NoncurrentDays: estateConfig.logRetentionDays },
            AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
          },
        ],
      },
    });
    expect(estateConfig.logRetentionDays).toBeLessThanOrEqual(30);
  });

  test('log bucket: retained on stack deletion, expiry does the deleting', () => {
    template.hasResource('AWS::S3::Bucket', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  test('log bucket: TLS only', () => {
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  test('a shorter configured retention is what the lifecycle says', () => {
    const { estate: short } = buildEstate({ ...estateConfig, logRetentionDays: 7 });
    Template.fromStack(short.logArchive).hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 7, NoncurrentVersionExpiration: { NoncurrentDays: 7 } })] },
    });
  });
});

describe('operator alerts', () => {
  const failureAlarm = (t: Template) => Object.values(t.findResources('AWS::CloudWatch::Alarm'))[0] as { Properties: Record<string, unknown> };

  test('without alertEmails there is no topic and the anonymizer alarm has no action', () => {
    const template = Template.fromStack(buildEstate().estate.logArchive);
    template.resourceCountIs('AWS::SNS::Topic', 0);
    expect(failureAlarm(template).Properties.AlarmActions).toBeUndefined();
  });

  describe('with alertEmails', () => {
    const { estate } = buildEstate({ ...estateConfig, alertEmails: ['ops@example.org', 'oncall@example.org'] });
    const template = Template.fromStack(estate.logArchive);
    const topicId = Object.keys(template.findResources('AWS::SNS::Topic'))[0];

    test('one topic in the EU log stack, each address subscribed by email', () => {
      template.resourceCountIs('AWS::SNS::Topic', 1);
      expect(estate.logArchive.region).toBe(estateConfig.region);
      const subscriptions = Object.values(template.findResources('AWS::SNS::Subscription')).map((s) => s.Properties);
      expect(subscriptions).toEqual([
        { Protocol: 'email', Endpoint: 'ops@example.org', TopicArn: { Ref: topicId } },
        { Protocol: 'email', Endpoint: 'oncall@example.org', TopicArn: { Ref: topicId } },
      ]);
    });

    test('the topic refuses publishing without TLS', () => {
      template.hasResourceProperties('AWS::SNS::TopicPolicy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    });

    test("CloudWatch alarms of this account may publish: the topic policy replaces SNS's default one", () => {
      template.hasResourceProperties('AWS::SNS::TopicPolicy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Allow',
              Principal: { Service: 'cloudwatch.amazonaws.com' },
              Action: 'sns:Publish',
              Resource: { Ref: topicId },
              Condition: {
                StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
                ArnLike: { 'aws:SourceArn': { 'Fn::Join': ['', [`arn:aws:cloudwatch:${estateConfig.region}:`, { Ref: 'AWS::AccountId' }, ':alarm:*']] } },
              },
            }),
          ]),
        },
      });
    });

    test('the anonymizer failure alarm notifies the topic on entering ALARM only', () => {
      const alarm = failureAlarm(template).Properties;
      expect(alarm.AlarmActions).toEqual([{ Ref: topicId }]);
      expect(alarm.OKActions).toBeUndefined();
      expect(alarm.InsufficientDataActions).toBeUndefined();
    });
  });
});
