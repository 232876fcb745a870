import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import * as path from 'path';
import { EstateConfig, IpLogHandling } from '../config/types';
import { S3_ACCESS_ENV, SITES_ENV } from '../../lambda/log-anonymizer/settings';
import { boundedLogRetention } from '../constructs/log-retention';

export interface LogAnonymizerProps {
  /** The estate's log bucket (prefixes `cloudfront/<site>/`, `alb/<site>/`, `s3-access/`). */
  readonly bucket: s3.IBucket;
  /** Per site key: truncate client IPs in its CloudFront and load balancer logs, or keep them. */
  readonly sites: Readonly<Record<string, IpLogHandling>>;
  /**
   * S3 server access logs (`s3-access/`) are not per site.
   * @default 'truncate'
   */
  readonly s3AccessLogs?: IpLogHandling;
  /** Retention of the function's own log group (rounded down to a CloudWatch period). */
  readonly logRetentionDays: number;
}

const REPO_ROOT = path.join(__dirname, '..', '..');

/** SQS keeps a message at most 14 days (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html). */
const SQS_MAX_RETENTION_DAYS = 14;

/** Lambda's asynchronous retries before an event goes to the on-failure destination (2 is Lambda's default and maximum). */
export const ANONYMIZER_RETRY_ATTEMPTS = 2;

/** Each configured site's `ipAddressesInLogs`, keyed as its log prefixes are. */
export function ipHandlingBySite(config: EstateConfig): Record<string, IpLogHandling> {
  return Object.fromEntries(
    Object.entries(config.sites)
      .filter(([, site]) => site !== undefined)
      .map(([key, site]) => [key, site!.ipAddressesInLogs]),
  );
}

/**
 * Truncates client IPs in new log objects (IPv4 /24, IPv6 /48), writing
 * `anonymized/<key>` and then deleting the raw object. Only the raw prefixes of
 * sites set to `truncate` notify it; its role reaches only those prefixes and
 * the anonymized and quarantine prefixes.
 */
export class LogAnonymizer extends Construct {
  public readonly function: NodejsFunction;
  /**
   * Where an event goes once every retry failed: the raw object it names still holds
   * full client IPs. Bounded retention, encrypted, TLS only.
   */
  public readonly failedEvents: sqs.Queue;
  /** In alarm while any failed event waits in `failedEvents`. */
  public readonly failureAlarm: cloudwatch.Alarm;
  /** The raw prefixes this function processes. */
  public readonly rawPrefixes: readonly string[];

  constructor(scope: Construct, id: string, props: LogAnonymizerProps) {
    super(scope, id);
    const s3Access = props.s3AccessLogs ?? 'truncate';
    this.rawPrefixes = [
      ...Object.entries(props.sites)
        .filter(([, mode]) => mode === 'truncate')
        .flatMap(([site]) => [`cloudfront/${site}/`, `alb/${site}/`]),
      ...(s3Access === 'truncate' ? ['s3-access/'] : []),
    ];

    const logGroup = new logs.LogGroup(this, 'LogGroup', { retention: boundedLogRetention(props.logRetentionDays) });
    // A failed event names a raw object (bucket, key; never a log line). Kept no longer than the logs it points at.
    this.failedEvents = new sqs.Queue(this, 'FailedEvents', {
      retentionPeriod: Duration.days(Math.max(1, Math.min(props.logRetentionDays, SQS_MAX_RETENTION_DAYS))),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // The estate never deletes stored records with a stack; the queue empties itself within its retention.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.function = new NodejsFunction(this, 'Function', {
      entry: path.join(REPO_ROOT, 'lambda', 'log-anonymizer', 'index.ts'),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: path.join(REPO_ROOT, 'package-lock.json'),
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      // CPU scales with memory; gzip dominates the work. Memory use itself stays flat (streaming).
      memorySize: 1024,
      timeout: Duration.minutes(10),
      logGroup,
      retryAttempts: ANONYMIZER_RETRY_ATTEMPTS,
      onFailure: new SqsDestination(this.failedEvents),
      description: 'Truncates client IP addresses in new log objects of the estate log bucket',
      environment: { [SITES_ENV]: JSON.stringify(props.sites), [S3_ACCESS_ENV]: s3Access },
      bundling: {
        // esbuild from node_modules, never Docker.
        forceDockerBundling: false,
        format: OutputFormat.CJS,
        minify: true,
        sourceMap: false,
        target: 'node22',
      },
    });

    const bucket = props.bucket;
    const objects = (prefixes: readonly string[]) => prefixes.map((p) => bucket.arnForObjects(`${p}*`));
    const role = this.function.role!;
    if (this.rawPrefixes.length > 0) {
      role.addToPrincipalPolicy(
        new iam.PolicyStatement({ actions: ['s3:GetObject', 's3:DeleteObject'], resources: objects(this.rawPrefixes) }),
      );
    }
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['s3:GetObject', 's3:PutObject', 's3:AbortMultipartUpload'],
        resources: objects(['anonymized/', 'quarantine/']),
      }),
    );
    // Without ListBucket, HeadObject of a missing key answers 403 instead of 404,
    // and the idempotency check could not tell "not written yet" from "denied".
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }));

    for (const prefix of this.rawPrefixes) {
      bucket.addEventNotification(s3.EventType.OBJECT_CREATED, new LambdaDestination(this.function), { prefix });
    }

    this.failureAlarm = new cloudwatch.Alarm(this, 'FailureAlarm', {
      alarmDescription:
        'A log object could not be anonymized after every retry: its raw copy keeps full client IPs. See docs/log-tooling.md (npm run verify lists them).',
      metric: this.failedEvents.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });

    this.acknowledgeFindings(bucket);
  }

  /** cdk-nag findings on this function's role and on CDK's notification handler that the wiring needs. */
  private acknowledgeFindings(bucket: s3.IBucket): void {
    const basicRole = 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]';
    Validations.of(this.function).acknowledge({
      id: basicRole,
      reason: 'AWSLambdaBasicExecutionRole only lets the function write to its own log group, which has bounded retention.',
    });
    const cfnBucket = bucket.node.defaultChild;
    if (cfnBucket instanceof s3.CfnBucket) {
      const arn = `<${Stack.of(cfnBucket).getLogicalId(cfnBucket)}.Arn>`;
      for (const prefix of [...this.rawPrefixes, 'anonymized/', 'quarantine/']) {
        Validations.of(this.function).acknowledge({
          id: `AwsSolutions-IAM5[Resource::${arn}/${prefix}*]`,
          reason: `Log object keys are not known in advance; this wildcard covers only the ${prefix} prefix of the log bucket.`,
        });
      }
    }
    // CDK's stack-wide handler that applies bucket notifications, created by addEventNotification.
    const notifications = Stack.of(this).node.tryFindChild('BucketNotificationsHandler050a0587b7544547bf325f094a3db834');
    if (notifications) {
      Validations.of(notifications).acknowledge({
        id: basicRole,
        reason: "AWSLambdaBasicExecutionRole on CDK's bucket-notification handler only lets it write its own, retention-bounded logs.",
      });
    }
    Validations.of(this.failedEvents).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: "This queue is the anonymizer's on-failure destination (a dead-letter queue itself); giving it another would only move failed events further from the alarm.",
    });
    if (lambda.Runtime.NODEJS_LATEST.name !== lambda.Runtime.NODEJS_22_X.name) {
      Validations.of(this.function).acknowledge({
        id: 'AwsSolutions-L1',
        reason: 'Node.js 22 on arm64 is the runtime the estate standardises on; the handler uses only stable Node APIs and the SDK the runtime ships.',
      });
    }
  }
}
