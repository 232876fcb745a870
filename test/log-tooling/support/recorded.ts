import { Recorded } from './s3-server';

/**
 * S3 and CloudFormation answers as AWS returns them (shapes from the S3 and
 * CloudFormation API references), for the operations s3rver does not implement.
 */
const NS = 'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"';
const ok = (body: string): Recorded => ({ status: 200, body: `<?xml version="1.0" encoding="UTF-8"?>\n${body}` });
const error = (status: number, code: string, message: string): Recorded => ({
  status,
  body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>`,
});

export const location = (region: string) => ok(`<LocationConstraint ${NS}>${region}</LocationConstraint>`);

export const lifecycle = (days: number, prefix = '') =>
  ok(
    `<LifecycleConfiguration ${NS}><Rule><ID>expire-logs</ID><Filter><Prefix>${prefix}</Prefix></Filter><Status>Enabled</Status>` +
      `<Expiration><Days>${days}</Days></Expiration><NoncurrentVersionExpiration><NoncurrentDays>${days}</NoncurrentDays></NoncurrentVersionExpiration>` +
      `<AbortIncompleteMultipartUpload><DaysAfterInitiation>1</DaysAfterInitiation></AbortIncompleteMultipartUpload></Rule></LifecycleConfiguration>`,
  );

export const noLifecycle = error(404, 'NoSuchLifecycleConfiguration', 'The lifecycle configuration does not exist');

export const publicAccessBlock = (all: boolean) =>
  ok(
    `<PublicAccessBlockConfiguration ${NS}><BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls>` +
      `<BlockPublicPolicy>${all}</BlockPublicPolicy><RestrictPublicBuckets>${all}</RestrictPublicBuckets></PublicAccessBlockConfiguration>`,
  );

export const noPublicAccessBlock = error(404, 'NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found');

export const encryption = (algorithm: string) =>
  ok(
    `<ServerSideEncryptionConfiguration ${NS}><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>${algorithm}</SSEAlgorithm>` +
      `</ApplyServerSideEncryptionByDefault><BucketKeyEnabled>false</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>`,
  );

/** CloudFormation DescribeStacks (query protocol) with the given stacks and outputs. */
export function describeStacks(stacks: Record<string, Record<string, string>>): string {
  const members = Object.entries(stacks)
    .map(
      ([name, outputs]) =>
        `<member><StackName>${name}</StackName><StackId>arn:aws:cloudformation:eu-west-1:123456789012:stack/${name}/0b0b0b0b-1111-2222-3333-444444444444</StackId>` +
        `<CreationTime>2024-05-01T12:00:00.000Z</CreationTime><StackStatus>CREATE_COMPLETE</StackStatus><Outputs>` +
        Object.entries(outputs)
          .map(([k, v]) => `<member><OutputKey>${k}</OutputKey><OutputValue>${v}</OutputValue></member>`)
          .join('') +
        `</Outputs></member>`,
    )
    .join('');
  return (
    `<DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><DescribeStacksResult><Stacks>${members}</Stacks>` +
    `</DescribeStacksResult><ResponseMetadata><RequestId>b9b4b068-3a41-11e5-94eb-example</RequestId></ResponseMetadata></DescribeStacksResponse>`
  );
}

/** CloudFormation ListStackResources (query protocol): logical id → [type, physical id]. */
export function listStackResources(resources: Record<string, [string, string]>): string {
  const members = Object.entries(resources)
    .map(
      ([logical, [type, physical]]) =>
        `<member><ResourceStatus>CREATE_COMPLETE</ResourceStatus><LogicalResourceId>${logical}</LogicalResourceId>` +
        `<LastUpdatedTimestamp>2024-05-01T12:00:00.000Z</LastUpdatedTimestamp><PhysicalResourceId>${physical}</PhysicalResourceId>` +
        `<ResourceType>${type}</ResourceType><DriftInformation><StackResourceDriftStatus>NOT_CHECKED</StackResourceDriftStatus></DriftInformation></member>`,
    )
    .join('');
  return (
    `<ListStackResourcesResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><ListStackResourcesResult>` +
    `<StackResourceSummaries>${members}</StackResourceSummaries></ListStackResourcesResult>` +
    `<ResponseMetadata><RequestId>c1a2b3d4-3a41-11e5-94eb-example</RequestId></ResponseMetadata></ListStackResourcesResponse>`
  );
}
