import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { boundedLogRetention } from '../constructs/log-retention';

/**
 * A Fargate task definition for Appman's image, and its log group with the estate's
 * bounded retention. The app service and the clearsessions task both run the one
 * image, so they share its platform (arm64 Linux) and size from here.
 */
export function appmanTask(scope: Construct, logRetentionDays: number): { taskDefinition: ecs.FargateTaskDefinition; logGroup: logs.LogGroup } {
  const taskDefinition = new ecs.FargateTaskDefinition(scope, 'Task', {
    cpu: 256,
    memoryLimitMiB: 512,
    runtimePlatform: { cpuArchitecture: ecs.CpuArchitecture.ARM64, operatingSystemFamily: ecs.OperatingSystemFamily.LINUX },
  });
  const logGroup = new logs.LogGroup(scope, 'Logs', { retention: boundedLogRetention(logRetentionDays) });
  return { taskDefinition, logGroup };
}
