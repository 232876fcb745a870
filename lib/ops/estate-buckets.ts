import { CloudFormationClient, paginateDescribeStacks } from '@aws-sdk/client-cloudformation';

/**
 * The deployed estate's log buckets, read from its stacks' outputs: the log
 * archive stack (lib/stacks/log-archive-stack.ts) publishes its bucket under this output key.
 */
export const LOG_BUCKET_OUTPUT_KEY = 'LogBucketName';

export async function findLogBuckets(cfn: CloudFormationClient, estateName: string): Promise<string[]> {
  const buckets = new Set<string>();
  for await (const page of paginateDescribeStacks({ client: cfn }, {})) {
    for (const stack of page.Stacks ?? []) {
      if (!stack.StackName?.startsWith(estateName)) continue;
      for (const output of stack.Outputs ?? []) {
        if (output.OutputKey === LOG_BUCKET_OUTPUT_KEY && output.OutputValue) buckets.add(output.OutputValue);
      }
    }
  }
  if (buckets.size === 0) {
    const region = await cfn.config.region();
    throw new Error(
      `No deployed stack whose name starts with "${estateName}" has the output ${LOG_BUCKET_OUTPUT_KEY} in ${region}. ` +
        'Deploy the estate, set AWS_REGION to its region, or name the buckets with --bucket <name>.',
    );
  }
  return [...buckets].sort();
}
