import { S3Client } from '@aws-sdk/client-s3';
import { parseArgs } from 'util';
import { CommandContext, UsageError, resolveBuckets } from './cli';
import { formatTable } from './table';
import { VerifyPolicy, verifyBucket } from './verify';

export const VERIFY_USAGE = `Usage: npm run verify [-- --bucket <name>...]

Checks each of the deployed estate's log buckets (or the --bucket names): region in
the EU, lifecycle expiry within the policy's days, public access blocked, default
encryption on. Exits 1 if any check fails.
Uses the AWS SDK's standard configuration (credentials chain, AWS_REGION — default the estate's region —, AWS_ENDPOINT_URL_S3).`;

export async function verifyCommand(argv: readonly string[], ctx: CommandContext & { readonly policy: VerifyPolicy }): Promise<number> {
  let given: string[] | undefined;
  try {
    given = parseArgs({ args: [...argv], options: { bucket: { type: 'string', multiple: true } }, strict: true }).values.bucket;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const buckets = await resolveBuckets(given, ctx.estateName);
  // A bucket outside AWS_REGION must still be read, so that its region can fail the check.
  const s3 = new S3Client({ followRegionRedirects: true });
  const results = (await Promise.all(buckets.map((b) => verifyBucket(s3, b, ctx.policy)))).flat();
  ctx.out(formatTable(['bucket', 'check', 'result', 'detail'], results.map((r) => [r.bucket, r.check, r.ok ? 'PASS' : 'FAIL', r.detail])));
  const failed = results.filter((r) => !r.ok).length;
  ctx.out(failed === 0 ? `\nAll ${results.length} checks passed.` : `\n${failed} of ${results.length} checks failed.`);
  return failed === 0 ? 0 : 1;
}
