/** Containers with logs: a Fargate service whose container logs with the awslogs driver CDK sets up. */
import { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Duration } from 'aws-cdk-lib';

export function containersWithLogs(stack: Stack): void {
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'public', subnetType: ec2.SubnetType.PUBLIC }] });
  vpc.addFlowLog('FlowLogs');
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
  const task = new ecs.FargateTaskDefinition(stack, 'Task');
  task.addContainer('web', {
    image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:latest'),
    logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'web' }),
    portMappings: [{ containerPort: 80 }],
  });
  const service = new ecs.FargateService(stack, 'Service', { cluster, taskDefinition: task, assignPublicIp: true });
  const alb = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc, internetFacing: true });
  alb.logAccessLogs(new s3.Bucket(stack, 'AlbLogs', { lifecycleRules: [{ expiration: Duration.days(30) }] }));
  alb.addListener('Http', { port: 80 }).addTargets('Web', { port: 80, targets: [service] });
}
