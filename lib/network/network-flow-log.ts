import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { boundedLogRetention } from '../constructs/log-retention';

export interface VpcRejectFlowLogProps {
  readonly vpc: ec2.IVpc;
  /** The estate's log retention: flow records hold client IPs, like web server logs. */
  readonly retentionDays: number;
}

/**
 * Flow log of rejected traffic only: the record of who tried to reach the VPC and
 * was refused. Accepted traffic is left out: it repeats what the load balancer
 * logs already hold and would multiply the volume of stored IP addresses.
 */
export class VpcRejectFlowLog extends Construct {
  public readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: VpcRejectFlowLogProps) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, 'LogGroup', { retention: boundedLogRetention(props.retentionDays) });
    new ec2.FlowLog(this, 'FlowLog', {
      resourceType: ec2.FlowLogResourceType.fromVpc(props.vpc),
      destination: ec2.FlowLogDestination.toCloudWatchLogs(this.logGroup),
      trafficType: ec2.FlowLogTrafficType.REJECT,
    });
  }
}
