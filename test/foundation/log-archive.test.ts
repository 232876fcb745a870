import { Match, Template } from 'aws-cdk-lib/assertions';
import { estateConfig } from '../../estate.config';
import { buildEstate } from '../setup/estate';

describe('log archive stack', () => {
  const { estate } = buildEstate();
  const template = Template.fromStack(estate.logArchive);

  test('lives in the configured EU region', () => {
    expect(estate.logArchive.region).toBe('eu-west-1');
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
