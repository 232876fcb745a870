import { Duration, Fn, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as events from 'aws-cdk-lib/aws-events';
import { Construct } from 'constructs';

export interface ForumBackupProps {
  readonly instance: ec2.Instance;
  readonly dataVolume: ec2.Volume;
  /** Days each recovery point is kept: the estate's backupRetentionDays. */
  readonly retentionDays: number;
}

/**
 * Daily AWS Backup of the forum host (an AMI with both volumes, for a whole-host
 * restore) and of its data volume on its own (a snapshot to swap in under a
 * fresh host). The vault is in the stack's (EU) region and kept if the stack is
 * deleted, so its recovery points stay until their own deletion date.
 *
 * Its name carries the stack's id (a UUID, new for every stack): a vault kept after a
 * failed first create would otherwise hold the name the retry needs (CloudFormation
 * requires a vault name; CDK's default is the same on every create).
 */
export class ForumBackup extends Construct {
  public readonly vault: backup.BackupVault;
  public readonly plan: backup.BackupPlan;

  constructor(scope: Construct, id: string, props: ForumBackupProps) {
    super(scope, id);
    const stackUuid = Fn.select(2, Fn.split('/', Stack.of(this).stackId));
    this.vault = new backup.BackupVault(this, 'Vault', { backupVaultName: `forum-${stackUuid}`, removalPolicy: RemovalPolicy.RETAIN });
    this.plan = new backup.BackupPlan(this, 'Plan', { backupVault: this.vault });
    this.plan.addRule(
      new backup.BackupPlanRule({
        ruleName: 'Daily',
        scheduleExpression: events.Schedule.cron({ hour: '3', minute: '0' }),
        startWindow: Duration.hours(1),
        completionWindow: Duration.hours(4),
        deleteAfter: Duration.days(props.retentionDays),
      }),
    );
    const selection = this.plan.addSelection('Host', {
      resources: [
        backup.BackupResource.fromEc2Instance(props.instance),
        backup.BackupResource.fromArn(
          props.dataVolume.stack.formatArn({ service: 'ec2', resource: 'volume', resourceName: props.dataVolume.volumeId }),
        ),
      ],
    });
    Validations.of(selection).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
      reason: "AWS Backup's own service-role policy: the documented minimum for it to snapshot EC2 instances and EBS volumes.",
    });
  }
}
