import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

export interface AppmanDatabaseProps {
  readonly vpc: ec2.IVpc;
  /** Subnets with no internet route. */
  readonly subnets: ec2.SubnetSelection;
  /** Days automated backups are kept: the estate's `backupRetentionDays`. */
  readonly backupRetentionDays: number;
  /** @default db.t4g.micro: the smallest Graviton class, enough for a few thousand accounts */
  readonly instanceType?: ec2.InstanceType;
}

export const APPMAN_DATABASE_NAME = 'appman';

/**
 * Appman's PostgreSQL database: the estate's only store of accounts (email as
 * login id) and orders. Encrypted, unreachable from the internet, protected from
 * deletion and snapshotted if its stack is ever deleted.
 */
export class AppmanDatabase extends Construct {
  public readonly instance: rds.DatabaseInstance;
  /** Generated master credentials (`username`, `password`), for ECS secrets. */
  public readonly secret: secretsmanager.ISecret;

  constructor(scope: Construct, id: string, props: AppmanDatabaseProps) {
    super(scope, id);
    // A database answers; it never starts connections: no egress rule at all.
    const securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: 'Appman database: in only from the Appman tasks (rule added by the stack); no egress',
      allowAllOutbound: false,
    });
    this.instance = new rds.DatabaseInstance(this, 'Instance', {
      securityGroups: [securityGroup],
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_17 }),
      instanceType: props.instanceType ?? ec2.InstanceType.of(ec2.InstanceClass.BURSTABLE4_GRAVITON, ec2.InstanceSize.MICRO),
      vpc: props.vpc,
      vpcSubnets: props.subnets,
      publiclyAccessible: false,
      databaseName: APPMAN_DATABASE_NAME,
      credentials: rds.Credentials.fromGeneratedSecret('appman'),
      storageEncrypted: true,
      storageType: rds.StorageType.GP3,
      allocatedStorage: 20,
      maxAllocatedStorage: 100,
      multiAz: false,
      backupRetention: Duration.days(props.backupRetentionDays),
      // On deletion, automated backups stay until their own retention ends, as well as the final snapshot.
      deleteAutomatedBackups: false,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.SNAPSHOT,
      autoMinorVersionUpgrade: true,
    });
    this.secret = this.instance.secret!;
    this.acknowledge();
  }

  private acknowledge(): void {
    Validations.of(this.instance).acknowledge({
      id: 'AwsSolutions-RDS3',
      reason:
        'Single-AZ: Multi-AZ doubles the instance cost (about 13 USD/month more in eu-west-1) for a low-traffic ' +
        'account manager whose outage delays renewal mail, loses nothing; automated backups allow point-in-time restore.',
    });
    Validations.of(this.instance).acknowledge({
      id: 'AwsSolutions-RDS11',
      reason:
        'Default port 5432: the instance is in isolated subnets and its security group admits only the Appman ' +
        'tasks, so another port would hide it from no one who can reach it.',
    });
    // The generated secret itself (the `secret` field is its attachment to the instance).
    Validations.of(this.instance.node.findChild('Secret')).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The Appman database credentials are read by ECS only when a task starts; a rotation would leave running ' +
        'tasks with a stale password until redeployed, and a rotation Lambda in the isolated subnets would need a ' +
        'Secrets Manager interface endpoint (about 16 USD/month). Rotate by redeploying after a manual rotation.',
    });
  }
}
