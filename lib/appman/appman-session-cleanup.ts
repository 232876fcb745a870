import { Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import { appmanTask } from './appman-task';

/** The command the image runs to delete expired sessions; part of the app contract (docs/appman.md). */
export const CLEARSESSIONS_COMMAND = ['python', 'manage.py', 'clearsessions'];

export interface AppmanSessionCleanupProps {
  readonly cluster: ecs.ICluster;
  /** The app's image: the same code and settings delete the sessions they wrote. */
  readonly image: string;
  readonly environment: Record<string, string>;
  readonly secrets: Record<string, ecs.Secret>;
  readonly subnets: ec2.SubnetSelection;
  /** The app tasks' security group: admitted by the database, HTTPS out. */
  readonly securityGroup: ec2.ISecurityGroup;
  /** The estate's log retention (days), rounded down to a CloudWatch period. */
  readonly logRetentionDays: number;
  /** @default every day at 03:17 UTC */
  readonly schedule?: scheduler.ScheduleExpression;
}

/**
 * Sessions that end on the server: Django keeps a session row until
 * `clearsessions` deletes it once past SESSION_COOKIE_AGE, and nothing else does.
 * EventBridge Scheduler starts a one-off Fargate task from the app's image with
 * that command, logging to its own log group with the estate's bounded retention.
 */
export class AppmanSessionCleanup extends Construct {
  public readonly taskDefinition: ecs.FargateTaskDefinition;
  public readonly logGroup: logs.LogGroup;
  public readonly schedule: scheduler.Schedule;

  constructor(scope: Construct, id: string, props: AppmanSessionCleanupProps) {
    super(scope, id);
    ({ taskDefinition: this.taskDefinition, logGroup: this.logGroup } = appmanTask(this, props.logRetentionDays));
    this.taskDefinition.addContainer('Clearsessions', {
      image: ecs.ContainerImage.fromRegistry(props.image),
      command: CLEARSESSIONS_COMMAND,
      environment: props.environment,
      secrets: props.secrets,
      logging: ecs.LogDrivers.awsLogs({ logGroup: this.logGroup, streamPrefix: 'clearsessions' }),
    });
    this.schedule = new scheduler.Schedule(this, 'Schedule', {
      description: 'Deletes expired Appman sessions (Django clearsessions)',
      schedule: props.schedule ?? scheduler.ScheduleExpression.cron({ minute: '17', hour: '3' }),
      target: new targets.EcsRunFargateTask(props.cluster, {
        taskDefinition: this.taskDefinition,
        vpcSubnets: props.subnets,
        securityGroups: [props.securityGroup],
        // Public subnets without a NAT gateway: a public IPv4 for egress (image, secrets, logs) only.
        assignPublicIp: true,
        retryAttempts: 2,
      }),
    });
    Validations.of(this.taskDefinition).acknowledge({
      id: 'AwsSolutions-ECS2',
      reason:
        "The clearsessions task gets the app's plain environment (host name, cookie flags, database host); the " +
        'database credentials and Django SECRET_KEY come from Secrets Manager as ECS secrets.',
    });
  }
}
