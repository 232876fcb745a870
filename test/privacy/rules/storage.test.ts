import { CfnParameter, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { CfnDistribution, CfnFunction } from 'aws-cdk-lib/aws-cloudfront';
import { declarePublicContent } from '../../../lib/privacy/public-content';
import { TestType, testStack, validateStack } from '../utils';

describe('Privacy-DataResidency', () => {
  const id = 'Privacy-DataResidency';
  test('Noncompliance 1: bucket in a us-east-1 stack', () => {
    const stack = testStack({ region: 'us-east-1' });
    new s3.CfnBucket(stack, 'B');
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 2: database in an environment-agnostic stack', () => {
    const stack = testStack(null);
    new rds.CfnDBInstance(stack, 'Db', { dbInstanceClass: 'db.t4g.micro', engine: 'postgres' });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 3: DynamoDB global table replica outside the allowed regions', () => {
    const stack = testStack();
    new dynamodb.CfnGlobalTable(stack, 'T', {
      attributeDefinitions: [{ attributeName: 'pk', attributeType: 'S' }],
      keySchema: [{ attributeName: 'pk', keyType: 'HASH' }],
      replicas: [{ region: 'eu-west-1' }, { region: 'us-west-2' }],
    });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 4: region allowed by default but not by the given list', () => {
    const stack = testStack({ region: 'eu-central-1' });
    new s3.CfnBucket(stack, 'B');
    validateStack(stack, id, TestType.NON_COMPLIANCE, { allowedRegions: ['eu-west-1'] });
  });
  test('Compliance: data in the EU; CloudFront, its functions and ACM in us-east-1', () => {
    const eu = testStack();
    new s3.CfnBucket(eu, 'B');
    validateStack(eu, id, TestType.COMPLIANCE);
    const edge = testStack({ region: 'us-east-1' });
    new Certificate(edge, 'Cert', { domainName: 'example.org' });
    new CfnFunction(edge, 'Fn', { name: 'f', functionCode: 'function handler(e){return e.request}', functionConfig: { comment: '', runtime: 'cloudfront-js-2.0' } });
    new CfnDistribution(edge, 'D', { distributionConfig: { enabled: true, defaultCacheBehavior: { targetOriginId: 'o', viewerProtocolPolicy: 'https-only' } } });
    validateStack(edge, id, TestType.COMPLIANCE);
  });
});

describe('Privacy-S3BucketExpiry', () => {
  const id = 'Privacy-S3BucketExpiry';
  test('Noncompliance 1: no lifecycle', () => {
    const stack = testStack();
    new s3.Bucket(stack, 'B');
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 2: expiry longer than the maximum', () => {
    const stack = testStack();
    new s3.Bucket(stack, 'B', { lifecycleRules: [{ expiration: Duration.days(90) }] });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 3: versioned without noncurrent-version expiry', () => {
    const stack = testStack();
    new s3.Bucket(stack, 'B', { versioned: true, lifecycleRules: [{ expiration: Duration.days(30) }] });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 4: expiry limited to a prefix', () => {
    const stack = testStack();
    new s3.Bucket(stack, 'B', { lifecycleRules: [{ prefix: 'logs/', expiration: Duration.days(30) }] });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 5: disabled rule', () => {
    const stack = testStack();
    new s3.Bucket(stack, 'B', { lifecycleRules: [{ enabled: false, expiration: Duration.days(30) }] });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 6: public-content metadata with an empty reason', () => {
    const stack = testStack();
    const b = new s3.Bucket(stack, 'B');
    (b.node.defaultChild as s3.CfnBucket).addMetadata('privacy:public-content', ' ');
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Validation failure: expiry days from a parameter', () => {
    const stack = testStack();
    const days = new CfnParameter(stack, 'Days', { type: 'Number' });
    new s3.CfnBucket(stack, 'B', {
      lifecycleConfiguration: { rules: [{ status: 'Enabled', expirationInDays: days.valueAsNumber }] },
    });
    validateStack(stack, id, TestType.VALIDATION_FAILURE);
  });
  test('Compliance', () => {
    const stack = testStack();
    new s3.Bucket(stack, 'Expiring', {
      versioned: true,
      lifecycleRules: [{ expiration: Duration.days(30), noncurrentVersionExpiration: Duration.days(7) }],
    });
    declarePublicContent(new s3.Bucket(stack, 'Public'), 'Published pages: no personal data.');
    validateStack(stack, id, TestType.COMPLIANCE);
  });
  test('declarePublicContent refuses an empty reason', () => {
    const stack = testStack();
    expect(() => declarePublicContent(new s3.Bucket(stack, 'B'), '')).toThrow(/reason is empty/);
  });
});

describe('Privacy-DatabaseBackupRetention', () => {
  const id = 'Privacy-DatabaseBackupRetention';
  test('Noncompliance 1: RDS instance keeps backups 36 days', () => {
    const stack = testStack();
    new rds.CfnDBInstance(stack, 'Db', { dbInstanceClass: 'db.t4g.micro', engine: 'postgres', backupRetentionPeriod: 36 });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 2: Aurora cluster above a lower maximum', () => {
    const stack = testStack();
    new rds.CfnDBCluster(stack, 'C', { engine: 'aurora-postgresql', backupRetentionPeriod: 14 });
    validateStack(stack, id, TestType.NON_COMPLIANCE, { maxBackupRetentionDays: 7 });
  });
  test('Compliance', () => {
    const stack = testStack();
    new rds.CfnDBInstance(stack, 'Db', { dbInstanceClass: 'db.t4g.micro', engine: 'postgres', backupRetentionPeriod: 35 });
    new rds.CfnDBInstance(stack, 'DefaultRetention', { dbInstanceClass: 'db.t4g.micro', engine: 'postgres' });
    validateStack(stack, id, TestType.COMPLIANCE);
  });
});

describe('Privacy-BackupPlanRetention', () => {
  const id = 'Privacy-BackupPlanRetention';
  test('Noncompliance 1: rule without deleteAfter keeps recovery points forever', () => {
    const stack = testStack();
    new backup.BackupPlan(stack, 'P').addRule(new backup.BackupPlanRule({ ruleName: 'daily' }));
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 2: copy kept longer than the maximum', () => {
    const stack = testStack();
    const vault = new backup.BackupVault(stack, 'V');
    new backup.BackupPlan(stack, 'P').addRule(
      new backup.BackupPlanRule({
        ruleName: 'daily',
        deleteAfter: Duration.days(14),
        copyActions: [{ destinationBackupVault: vault, deleteAfter: Duration.days(365) }],
      }),
    );
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Compliance', () => {
    const stack = testStack();
    new backup.BackupPlan(stack, 'P').addRule(new backup.BackupPlanRule({ ruleName: 'daily', deleteAfter: Duration.days(35) }));
    validateStack(stack, id, TestType.COMPLIANCE);
  });
});

describe('Privacy-DataStoreEncrypted', () => {
  const id = 'Privacy-DataStoreEncrypted';
  test('Noncompliance 1: unencrypted RDS instance', () => {
    const stack = testStack();
    new rds.CfnDBInstance(stack, 'Db', { dbInstanceClass: 'db.t4g.micro', engine: 'postgres' });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 2: EC2 instance without encrypted block devices', () => {
    const stack = testStack();
    new ec2.CfnInstance(stack, 'I', { imageId: 'ami-12345678' });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 3: unencrypted EBS volume', () => {
    const stack = testStack();
    new ec2.CfnVolume(stack, 'V', { availabilityZone: 'eu-west-1a', size: 10 });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Compliance', () => {
    const stack = testStack();
    new rds.CfnDBInstance(stack, 'Db', { dbInstanceClass: 'db.t4g.micro', engine: 'postgres', storageEncrypted: true });
    new ec2.CfnInstance(stack, 'I', {
      imageId: 'ami-12345678',
      blockDeviceMappings: [{ deviceName: '/dev/xvda', ebs: { encrypted: true, volumeSize: 20 } }],
    });
    new ec2.CfnVolume(stack, 'V', { availabilityZone: 'eu-west-1a', size: 10, encrypted: true });
    validateStack(stack, id, TestType.COMPLIANCE);
  });
});

describe('Privacy-DataStoreDeletionProtection', () => {
  const id = 'Privacy-DataStoreDeletionProtection';
  test('Noncompliance 1: RDS instance without deletion protection', () => {
    const stack = testStack();
    new rds.CfnDBInstance(stack, 'Db', { dbInstanceClass: 'db.t4g.micro', engine: 'postgres' });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 2: DynamoDB table without deletion protection', () => {
    const stack = testStack();
    new dynamodb.Table(stack, 'T', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING } });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Compliance', () => {
    const stack = testStack();
    new rds.CfnDBInstance(stack, 'Db', { dbInstanceClass: 'db.t4g.micro', engine: 'postgres', deletionProtection: true });
    new dynamodb.Table(stack, 'T', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING }, deletionProtection: true });
    validateStack(stack, id, TestType.COMPLIANCE);
  });
});

describe('Privacy-DataStoreRetainOnDelete', () => {
  const id = 'Privacy-DataStoreRetainOnDelete';
  test('Noncompliance 1: bucket destroyed with its stack', () => {
    const stack = testStack();
    new s3.Bucket(stack, 'B', { removalPolicy: RemovalPolicy.DESTROY });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 2: L1 database with no deletion policy', () => {
    const stack = testStack();
    new rds.CfnDBInstance(stack, 'Db', { dbInstanceClass: 'db.t4g.micro', engine: 'postgres' });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Compliance', () => {
    const stack = testStack();
    new s3.Bucket(stack, 'B');
    const db = new rds.CfnDBInstance(stack, 'Db', { dbInstanceClass: 'db.t4g.micro', engine: 'postgres' });
    db.applyRemovalPolicy(RemovalPolicy.SNAPSHOT);
    declarePublicContent(new s3.Bucket(stack, 'Pages', { removalPolicy: RemovalPolicy.DESTROY }), 'Published pages only.');
    validateStack(stack, id, TestType.COMPLIANCE);
  });
});
