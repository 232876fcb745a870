import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { failedEventsCheck } from './anonymizer-failures';
import { FAILED_EVENTS_OUTPUT_KEY, estateOutputs } from './estate-buckets';
import { parseArgs } from 'util';
import { CommandContext, UsageError, resolveBuckets } from './cli';
import { formatTable } from './table';
import { CheckResult, VerifyPolicy, describeError, verifyBucket } from './verify';

export const VERIFY_USAGE = `Usage: npm run verify [-- --bucket <name>... --queue <url>...]

Checks each of the deployed estate's log buckets (or the --bucket names): region in
the EU, lifecycle expiry within the policy's days, public access blocked, default
encryption on, versioning never enabled; and that the log anonymizer's failed-events
queue (from the stacks, or the --queue URLs) is empty. Exits 1 if any check fails.
Uses the AWS SDK's standard configuration (credentials chain, AWS_REGION — default the estate's region —, AWS_ENDPOINT_URL_S3).`;

export async function verifyCommand(argv: readonly string[], ctx: CommandContext & { readonly policy: VerifyPolicy }): Promise<number> {
  let given: string[] | undefined;
  let queues: string[] | undefined;
  try {
    const options = { bucket: { type: 'string', multiple: true }, queue: { type: 'string', multiple: true } } as const;
    ({ bucket: given, queue: queues } = parseArgs({ args: [...argv], options, strict: true }).values);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const buckets = await resolveBuckets(given, ctx.estateName);
  // A bucket outside AWS_REGION must still be read, so that its region can fail the check.
  const s3 = new S3Client({ followRegionRedirects: true });
  const results = (await Promise.all(buckets.map((b) => verifyBucket(s3, b, ctx.policy)))).flat();
  // Named buckets mean "only these"; otherwise the deployed estate's failed-events queue too.
  const queueUrls = queues ?? (given && given.length > 0 ? [] : await estateOutputs(new CloudFormationClient({}), ctx.estateName, FAILED_EVENTS_OUTPUT_KEY));
  const sqs = new SQSClient({});
  for (const url of queueUrls) results.push(await queueCheck(sqs, url));
  ctx.out(formatTable(['bucket', 'check', 'result', 'detail'], results.map((r) => [r.bucket, r.check, r.ok ? 'PASS' : 'FAIL', r.detail])));
  const failed = results.filter((r) => !r.ok).length;
  ctx.out(failed === 0 ? `\nAll ${results.length} checks passed.` : `\n${failed} of ${results.length} checks failed.`);
  return failed === 0 ? 0 : 1;
}

async function queueCheck(sqs: SQSClient, url: string): Promise<CheckResult> {
  const bucket = url.split('/').pop() ?? url; // the queue name, in the first column
  try {
    return { bucket, check: 'anonymizer failures', ...(await failedEventsCheck(sqs, url)) };
  } catch (error) {
    return { bucket, check: 'anonymizer failures', ok: false, detail: describeError(error) };
  }
}
