import { CfnOutput, Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { EstateConfig } from '../config';
import { LogBucket } from '../constructs/log-bucket';
import { LogAnonymizer, ipHandlingBySite } from './log-anonymizer';
import { OperatorAlerts } from './operator-alerts';

export interface LogArchiveStackProps extends StackProps {
  readonly config: EstateConfig;
}

/** The estate's EU log archive: every access log of every site lands here and expires. */
export class LogArchiveStack extends Stack {
  public readonly logBucket: LogBucket;
  public readonly logAnonymizer: LogAnonymizer;
  public readonly alerts: OperatorAlerts;

  constructor(scope: Construct, id: string, props: LogArchiveStackProps) {
    super(scope, id, props);
    this.logBucket = new LogBucket(this, 'Logs', { expirationDays: props.config.logRetentionDays });
    // The services that run in the VPC (appman, forum) sit behind internal load balancers.
    if (props.config.sites.appman || props.config.sites.forum) this.logBucket.allowLoadBalancerLogs();
    // Read by the erasure and verification tools to find the estate's log buckets.
    new CfnOutput(this, 'LogBucketName', { value: this.logBucket.bucketName, description: 'EU log bucket of the estate' });
    this.logAnonymizer = new LogAnonymizer(this, 'LogAnonymizer', {
      bucket: this.logBucket,
      sites: ipHandlingBySite(props.config),
      logRetentionDays: props.config.logRetentionDays,
    });
    this.alerts = new OperatorAlerts(this, 'Alerts', { emails: props.config.alertEmails ?? [] });
    this.alerts.notifyOn(this.logAnonymizer.failureAlarm);
    // Read by the verification tool to report anonymizer events that failed every retry.
    new CfnOutput(this, 'AnonymizerFailedEventsQueueUrl', {
      value: this.logAnonymizer.failedEvents.queueUrl,
      description: 'Events the log anonymizer failed on after every retry',
    });
  }
}
