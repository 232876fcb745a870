import { CloudFormationClient, paginateDescribeStacks } from '@aws-sdk/client-cloudformation';

/**
 * The deployed estate's log buckets, read from its stacks' outputs: the log
 * archive stack (lib/log-archive/log-archive-stack.ts) publishes its bucket under this output key.
 */
export const LOG_BUCKET_OUTPUT_KEY = 'LogBucketName';

/** The log stack's output naming the anonymizer's failed-events queue (see LogAnonymizer.failedEvents). */
export const FAILED_EVENTS_OUTPUT_KEY = 'AnonymizerFailedEventsQueueUrl';

/** Every value of the output `key` across the estate's deployed stacks. */
export async function estateOutputs(cfn: CloudFormationClient, estateName: string, key: string): Promise<string[]> {
  const values = new Set<string>();
  for await (const page of paginateDescribeStacks({ client: cfn }, {})) {
    for (const stack of page.Stacks ?? []) {
      if (!stack.StackName?.startsWith(estateName)) continue;
      for (const output of stack.Outputs ?? []) {
        if (output.OutputKey === key && output.OutputValue) values.add(output.OutputValue);
      }
    }
  }
  return [...values].sort();
}

export async function findLogBuckets(cfn: CloudFormationClient, estateName: string): Promise<string[]> {
  const buckets = await estateOutputs(cfn, estateName, LOG_BUCKET_OUTPUT_KEY);
  if (buckets.length === 0) {
    const region = await cfn.config.region();
    throw new Error(
      `No deployed stack whose name starts with "${estateName}" has the output ${LOG_BUCKET_OUTPUT_KEY} in ${region}. ` +
        'Deploy the estate, set AWS_REGION to its region, or name the buckets with --bucket <name>.',
    );
  }
  return buckets;
}
