import { RemovalPolicy, Size, Stack, Tags, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { forumUserData } from './user-data';
import { acknowledgeLaunchResolvedImage, hostImage } from '../constructs/host-image';
import { boundedLogRetention } from '../constructs/log-retention';
import { nagAccount, nagPartition } from '../constructs/nag-finding';

/** Tag on the host and its data volume; the host may attach only a volume carrying it. */
export const FORUM_HOST_TAG = 'estate:forum-host';
const DATA_DEVICE = '/dev/sdf';

export interface ForumHostProps {
  readonly vpc: ec2.IVpc;
  /** A private subnet (no public address; outbound through the VPC's NAT): where CloudFront VPC origins may be. */
  readonly subnet: ec2.ISubnet;
  /** The generated app.yml. */
  readonly appYml: string;
  /** Days host and container logs are kept in the log group (rounded down to a CloudWatch period). */
  readonly logRetentionDays: number;
  /** SSM parameter name the host reads its host name from (no custom domain). */
  readonly hostnameParameterName?: string;
  /** ARN of the secret with the SES sending user's access key (mail configured). */
  readonly smtpSecretArn?: string;
  /**
   * Graviton, 2 vCPU / 2 GiB: Discourse documents 1 GiB plus swap as the minimum and 2 GiB as recommended.
   * @default t4g.small
   */
  readonly instanceType?: ec2.InstanceType;
  /** @default 30 GiB */
  readonly dataVolumeSize?: Size;
  /** @default 2 */
  readonly swapGiB?: number;
}

/**
 * One EC2 host running the official discourse_docker install. Its data (database,
 * uploads, Discourse's own backups) lives on an encrypted gp3 volume kept when
 * the stack goes; the host itself is disposable. No SSH: no key pair, no port 22,
 * Session Manager for shell access. IMDSv2 only, with a hop limit of 1 so the
 * Discourse container cannot reach the host's credentials.
 */
export class ForumHost extends Construct {
  public readonly instance: ec2.Instance;
  public readonly dataVolume: ec2.Volume;
  public readonly securityGroup: ec2.SecurityGroup;
  public readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: ForumHostProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const tagValue = stack.stackName;

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: boundedLogRetention(props.logRetentionDays),
      // Events still expire by retention if the stack is deleted.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.dataVolume = new ec2.Volume(this, 'Data', {
      availabilityZone: props.subnet.availabilityZone,
      size: props.dataVolumeSize ?? Size.gibibytes(30),
      volumeType: ec2.EbsDeviceVolumeType.GP3,
      encrypted: true,
      // Accounts, posts and registration IPs: never deleted with the stack.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Tags.of(this.dataVolume).add(FORUM_HOST_TAG, tagValue);

    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: 'Forum host: HTTP from the CloudFront VPC origin only (rule added by ForumOriginAccess); no SSH',
      // Outbound only on the ports ForumEgress opens (HTTP, HTTPS, SES SMTP).
      allowAllOutbound: false,
    });

    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com'),
      description: 'Forum host: Session Manager, its own logs, its data volume, its mail secret and host name',
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonSSMManagedInstanceCore')],
    });
    this.grantHostPermissions(role, props);

    this.instance = new ec2.Instance(this, 'Instance', {
      vpc: props.vpc,
      vpcSubnets: { subnets: [props.subnet] },
      associatePublicIpAddress: false,
      instanceType: props.instanceType ?? ec2.InstanceType.of(ec2.InstanceClass.T4G, ec2.InstanceSize.SMALL),
      // Resolved once at launch: a new Amazon Linux image does not replace the host on a deploy.
      machineImage: hostImage(),
      role,
      securityGroup: this.securityGroup,
      httpTokens: ec2.HttpTokens.REQUIRED,
      httpPutResponseHopLimit: 1,
      blockDevices: [
        {
          deviceName: '/dev/xvda',
          volume: ec2.BlockDeviceVolume.ebs(20, { encrypted: true, volumeType: ec2.EbsDeviceVolumeType.GP3, deleteOnTermination: true }),
        },
      ],
      userData: ec2.UserData.custom(
        forumUserData({
          region: stack.region,
          appYml: props.appYml,
          dataVolumeId: this.dataVolume.volumeId,
          dataDevice: DATA_DEVICE,
          logGroupName: this.logGroup.logGroupName,
          localLogDays: 1,
          swapGiB: props.swapGiB ?? 2,
          hostnameParameter: props.hostnameParameterName,
          smtpSecretArn: props.smtpSecretArn,
        }),
      ),
    });
    Tags.of(this.instance).add(FORUM_HOST_TAG, tagValue);
    acknowledgeLaunchResolvedImage(this.instance);
    this.acknowledgeHostFindings(role);
  }

  private grantHostPermissions(role: iam.Role, props: ForumHostProps): void {
    const stack = Stack.of(this);
    // Attach at boot: only the tagged data volume, only to a tagged forum host.
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['ec2:AttachVolume'],
        resources: [
          stack.formatArn({ service: 'ec2', resource: 'volume', resourceName: this.dataVolume.volumeId }),
          stack.formatArn({ service: 'ec2', resource: 'instance', resourceName: '*' }),
        ],
        conditions: { StringEquals: { [`ec2:ResourceTag/${FORUM_HOST_TAG}`]: stack.stackName } },
      }),
    );
    role.addToPolicy(new iam.PolicyStatement({ actions: ['ec2:DescribeVolumes'], resources: ['*'] }));
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
        resources: [this.logGroup.logGroupArn],
      }),
    );
    if (props.hostnameParameterName) {
      // An ARN string, not a reference: the parameter holds the distribution's domain, which depends on this host.
      role.addToPolicy(
        new iam.PolicyStatement({
          actions: ['ssm:GetParameter'],
          resources: [stack.formatArn({ service: 'ssm', resource: 'parameter', resourceName: props.hostnameParameterName.replace(/^\//, '') })],
        }),
      );
    }
    if (props.smtpSecretArn) {
      role.addToPolicy(new iam.PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [props.smtpSecretArn] }));
    }
  }

  private acknowledgeHostFindings(role: iam.Role): void {
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/AmazonSSMManagedInstanceCore]',
      reason:
        'AmazonSSMManagedInstanceCore is the AWS-maintained minimum for Session Manager, which replaces SSH on the forum host ' +
        '(no key pair, no port 22).',
    });
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'ec2:DescribeVolumes supports no resource-level permissions; the host only reads whether its data volume is free to attach.',
    });
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:${nagPartition(this)}:ec2:${Stack.of(this).region}:${nagAccount(this)}:instance/*]`,
      reason:
        "The host's own instance id is not known when its role is created; ec2:AttachVolume is limited by the condition to " +
        'instances tagged as this stack\'s forum host, and to the one data volume.',
    });
    for (const scope of [this.instance, this.dataVolume]) {
      Validations.of(scope).acknowledge({
        id: 'CloudFormation-Validate::W3010',
        reason:
          "The zone is the shared VPC's named subnet zone (named so synth needs no lookup); an EBS volume must be created in " +
          'the zone of the host it attaches to.',
      });
    }
    Validations.of(this.instance).acknowledge({
      id: 'AwsSolutions-EC28',
      reason: 'One forum host: the free 5-minute metrics are enough; per-minute metrics would add cost without a consumer.',
    });
    Validations.of(this.instance).acknowledge({
      id: 'AwsSolutions-EC29',
      reason:
        'Termination protection would block CloudFormation from replacing the host (e.g. an instance type change). The host is disposable: ' +
        'its data is on a separate volume retained on delete and backed up by AWS Backup.',
    });
  }
}
