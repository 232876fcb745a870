/** Cross-region replication: an EU bucket replicating to a bucket in us-east-1, a table with a US replica. */
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';

export function crossRegionReplication(app: App, stack: Stack): void {
  const dr = new Stack(app, 'Dr', { env: { account: '123456789012', region: 'us-east-1' }, crossRegionReferences: true });
  const replica = new s3.Bucket(dr, 'Replica', { bucketName: 'corpus-replica-us', versioned: true,
    lifecycleRules: [{ expiration: Duration.days(30), noncurrentVersionExpiration: Duration.days(30) }] });
  new s3.Bucket(stack, 'Primary', {
    versioned: true,
    lifecycleRules: [{ expiration: Duration.days(30), noncurrentVersionExpiration: Duration.days(30) }],
    replicationRules: [{ destination: replica, priority: 1 }],
  });
  new dynamodb.TableV2(stack, 'Orders', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING }, replicas: [{ region: 'us-east-2' }] });
}
