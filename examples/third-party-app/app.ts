/**
 * A small app written the way public CDK examples are (a photo-sharing API: a
 * bucket, a table, a function), adopting PrivacyChecks the way the README says.
 * It is compiled with its own tsconfig — no esModuleInterop — and run as plain
 * JavaScript by test/privacy/consumer.test.ts.
 */
import { App, Duration, RemovalPolicy, Stack, StackProps, Validations } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { PrivacyChecks } from '../../lib/privacy';

export class PhotoShareStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    const uploads = new s3.Bucket(this, 'Uploads', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      lifecycleRules: [{ expiration: Duration.days(30) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const table = new dynamodb.TableV2(this, 'Albums', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const api = new lambda.Function(this, 'Api', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200 });'),
      environment: { BUCKET: uploads.bucketName, TABLE: table.tableName },
      logGroup: new logs.LogGroup(this, 'ApiLogs', { retention: logs.RetentionDays.TWO_WEEKS }),
    });
    uploads.grantReadWrite(api);
    table.grantReadWriteData(api);
  }
}

/** Builds the app with the pack registered; `region` lets a test move it out of the EU. */
export function buildApp(region: string): App {
  const app = new App();
  new PhotoShareStack(app, 'PhotoShare', { env: { account: '123456789012', region } });
  Validations.of(app).addPlugins(new PrivacyChecks(app));
  return app;
}

// Run as a script: synth, which throws the pack's report when a promise is broken.
if (require.main === module) {
  const region = process.argv[2] ?? 'eu-west-1';
  try {
    buildApp(region).synth();
    console.log(`PhotoShare in ${region}: no privacy findings`);
  } catch (e) {
    console.log(String((e as Error).message));
    process.exitCode = 1;
  }
}
