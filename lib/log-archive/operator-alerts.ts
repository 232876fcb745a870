import { ArnFormat, Stack, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as sns from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

export interface OperatorAlertsProps {
  /** Who is told (config `alertEmails`); none: no topic, the alarms notify nobody. */
  readonly emails: readonly string[];
}

/**
 * Email for the estate's operational alarms: one SNS topic in the stack's region,
 * each address subscribed (AWS mails it a confirmation link first). Alarms
 * notify on entering ALARM only; the messages carry the alarm's name, state and
 * reason, no visitor data.
 */
export class OperatorAlerts extends Construct {
  public readonly topic?: sns.Topic;

  constructor(scope: Construct, id: string, props: OperatorAlertsProps) {
    super(scope, id);
    if (props.emails.length === 0) return;
    this.topic = new sns.Topic(this, 'Topic', { displayName: 'Estate alarms', enforceSSL: true });
    for (const email of props.emails) this.topic.addSubscription(new EmailSubscription(email));
    // enforceSSL writes a topic policy, which replaces SNS's default one: without this Allow
    // nothing may publish and alarm mail never arrives. Scoped to this account's alarms in this
    // region, as the CloudWatch User Guide documents against the confused deputy.
    const stack = Stack.of(this);
    this.topic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchAlarmsPublish',
        actions: ['sns:Publish'],
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        resources: [this.topic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: { 'aws:SourceArn': stack.formatArn({ service: 'cloudwatch', resource: 'alarm', resourceName: '*', arnFormat: ArnFormat.COLON_RESOURCE_NAME }) },
        },
      }),
    );
    Validations.of(this.topic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason:
        "The topic carries only CloudWatch alarm notifications (the alarm's name, state and reason), no personal data. " +
        'CloudWatch cannot publish to a topic encrypted with the AWS-managed SNS key.',
    });
  }

  /** Sends `alarm` to the topic when it enters ALARM (no-op without addresses). */
  public notifyOn(alarm: cloudwatch.Alarm): void {
    if (this.topic) alarm.addAlarmAction(new SnsAction(this.topic));
  }
}
