import { Duration, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { appmanTask } from './appman-task';

export interface AppmanServiceProps {
  readonly vpc: ec2.IVpc;
  /** Public subnets: tasks get a public IPv4 for egress only; their security group admits only the load balancer. */
  readonly subnets: ec2.SubnetSelection;
  /** Container image URI (registry/repository:tag); pulled by ECS at deploy, never at synth. */
  readonly image: string;
  readonly environment: Record<string, string>;
  readonly secrets: Record<string, ecs.Secret>;
  readonly listener: elbv2.ApplicationListener;
  readonly healthCheckPath: string;
  /** The estate's log retention (days), rounded down to a CloudWatch period. */
  readonly logRetentionDays: number;
  /** @default 8000 (gunicorn's usual port in Django images) */
  readonly containerPort?: number;
  /** @default { min: 1, max: 3 } */
  readonly taskCount?: { readonly min: number; readonly max: number };
}

/** Appman's Django container on Fargate (arm64), behind the internal load balancer. */
export class AppmanService extends Construct {
  public readonly service: ecs.FargateService;
  public readonly taskDefinition: ecs.FargateTaskDefinition;
  public readonly logGroup: logs.LogGroup;
  public readonly cluster: ecs.Cluster;
  public readonly securityGroup: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, props: AppmanServiceProps) {
    super(scope, id);
    const port = props.containerPort ?? 8000;
    const count = props.taskCount ?? { min: 1, max: 3 };
    const cluster = (this.cluster = new ecs.Cluster(this, 'Cluster', { vpc: props.vpc }));

    ({ taskDefinition: this.taskDefinition, logGroup: this.logGroup } = appmanTask(this, props.logRetentionDays));
    this.taskDefinition.addContainer('App', {
      image: ecs.ContainerImage.fromRegistry(props.image),
      portMappings: [{ containerPort: port }],
      environment: props.environment,
      secrets: props.secrets,
      logging: ecs.LogDrivers.awsLogs({ logGroup: this.logGroup, streamPrefix: 'appman' }),
    });

    const securityGroup = (this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: 'Appman tasks: in only from the Appman load balancer; out HTTPS and the database',
      allowAllOutbound: false,
    }));
    // Image pulls, SES, Secrets Manager and CloudWatch Logs: all HTTPS through the internet gateway.
    securityGroup.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS to AWS APIs and the image registry');

    this.service = new ecs.FargateService(this, 'Service', {
      cluster,
      taskDefinition: this.taskDefinition,
      desiredCount: count.min,
      vpcSubnets: props.subnets,
      assignPublicIp: true,
      securityGroups: [securityGroup],
      circuitBreaker: { enable: true, rollback: true },
      minHealthyPercent: 100,
      maxHealthyPercent: 200,
      healthCheckGracePeriod: Duration.seconds(120),
      enableExecuteCommand: false,
    });
    props.listener.addTargets('App', {
      port,
      protocol: elbv2.ApplicationProtocol.HTTP,
      targets: [this.service],
      deregistrationDelay: Duration.seconds(30),
      healthCheck: {
        path: props.healthCheckPath,
        healthyHttpCodes: '200',
        interval: Duration.seconds(30),
        timeout: Duration.seconds(5),
        healthyThresholdCount: 2,
        unhealthyThresholdCount: 3,
      },
    });
    const scaling = this.service.autoScaleTaskCount({ minCapacity: count.min, maxCapacity: count.max });
    scaling.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });
    this.acknowledge(cluster);
  }

  private acknowledge(cluster: ecs.Cluster): void {
    Validations.of(this.taskDefinition).acknowledge({
      id: 'AwsSolutions-ECS2',
      reason:
        "The Appman container's environment holds only public settings (host name, cookie flags, database host, SES " +
        'configuration set); the database credentials and Django SECRET_KEY come from Secrets Manager as ECS secrets.',
    });
    Validations.of(cluster).acknowledge({
      id: 'AwsSolutions-ECS4',
      reason:
        'Container Insights is off for the one-service Appman cluster: the service CPU and memory metrics that drive ' +
        'autoscaling and alarms are published by ECS without it, and Container Insights would add billed custom ' +
        'metrics and a performance log group this estate does not manage.',
    });
  }
}
