import { S3Client } from '@aws-sdk/client-s3';
import { parseArgs } from 'util';
import { CommandContext, UsageError, resolveBuckets } from './cli';
import { EraseReport, erase } from './erase';
import { formatTable } from './table';

export const ERASE_USAGE = `Usage: npm run erase -- (--ip <address> | --match <string>)... [--bucket <name>]... [--dry-run]

Removes every log line holding the address or string from the estate's log buckets
(from the deployed stacks' outputs, or the --bucket names), and prints what it changed.
  --ip <address>    IPv4 or IPv6 client address (any notation); repeatable
  --match <string>  email, user id or other identifier, case-insensitive, also found
                    percent-encoded; repeatable
  --bucket <name>   bucket to scan instead of the deployed estate's; repeatable
  --dry-run         report what would change, change nothing
Uses the AWS SDK's standard configuration (credentials chain, AWS_REGION — default the estate's region —, AWS_ENDPOINT_URL_S3).`;

export async function eraseCommand(argv: readonly string[], ctx: CommandContext): Promise<number> {
  const { values } = parse(argv);
  const ips = values.ip ?? [];
  const matches = values.match ?? [];
  if (ips.length === 0 && matches.length === 0) throw new UsageError('Give at least one --ip or --match.');
  const buckets = await resolveBuckets(values.bucket, ctx.estateName);
  const dryRun = values['dry-run'] === true;
  let report: EraseReport;
  try {
    report = await erase(new S3Client({ followRegionRedirects: true }), { ips, matches, buckets, dryRun });
  } catch (error) {
    if (/^--(ip|match):/.test((error as Error).message)) throw new UsageError((error as Error).message);
    throw error;
  }
  ctx.out(formatReport(report, buckets));
  return report.objects.some((o) => o.status === 'failed') ? 1 : 0;
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      options: {
        ip: { type: 'string', multiple: true },
        match: { type: 'string', multiple: true },
        bucket: { type: 'string', multiple: true },
        'dry-run': { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Keys and counts only: the report never repeats the identifiers it erased. */
export function formatReport(report: EraseReport, buckets: readonly string[]): string {
  const rows = report.objects.map((o) => [o.bucket, o.key, String(o.lines), o.status + (o.error ? `: ${o.error}` : '')]);
  const matched = report.objects.filter((o) => o.status !== 'failed');
  const failed = report.objects.length - matched.length;
  const summary =
    `${report.dryRun ? 'Dry run, nothing changed. ' : ''}Scanned ${report.objectsScanned} objects in ${buckets.length} bucket(s): ` +
    `${matched.length} object(s) ${report.dryRun ? 'would be rewritten' : 'rewritten'}, ${report.linesMatched} line(s) ` +
    `${report.dryRun ? 'would be removed' : 'removed'}, ${failed} object(s) failed.` +
    (failed > 0 ? ' Failed objects were left unchanged; fix the cause and run again.' : '');
  return rows.length > 0 ? `${formatTable(['bucket', 'key', 'lines', 'status'], rows)}\n\n${summary}` : summary;
}
