import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { S3Client } from '@aws-sdk/client-s3';
import { parseArgs } from 'util';
import { CommandContext, UsageError, resolveBuckets } from './cli';
import { EraseReport, erase } from './erase';
import { findLogGroups } from './estate-log-groups';
import { lineMatcher } from './line-matcher';
import { LogGroupFinding, searchLogGroups } from './log-groups';
import { Receipt, defaultReceiptPath, objectId } from './receipt';
import { formatTable } from './table';

export const ERASE_USAGE = `Usage: npm run erase -- (--ip <address> | --match <string>)... [--bucket <name>]... [--dry-run]
                        [--receipt <file> | --resume <receipt>] [--include-versions]
                        [--log-group <name>]... [--delete-log-streams]

Removes every log line holding the address or string from the estate's log buckets
(from the deployed stacks' outputs, or the --bucket names), and prints what it changed.
  --ip <address>      IPv4 or IPv6 client address (any notation); repeatable
  --match <string>    email, user id or other identifier, case-insensitive (any script),
                      also found percent-encoded; repeatable
  --bucket <name>     bucket to scan instead of the deployed estate's; repeatable
  --dry-run           report what would change, change nothing
  --receipt <file>    where to write the erasure receipt (JSON lines, identifiers only
                      as salted hashes); default erasure-receipts/<request id>.jsonl
  --resume <receipt>  continue the request of an interrupted run (or recheck for late
                      logs): same --ip/--match; objects it finished are not read again
  --log-group <name>  CloudWatch log group to search instead of the deployed estate's
                      (without --bucket or --log-group, every log group of the estate's
                      stacks is searched); repeatable
  --delete-log-streams
                      delete each whole log stream holding a match (with every other event
                      in it: CloudWatch cannot delete single events); without it, matches
                      are reported with the date they expire
  --include-versions  in a versioned bucket (erase refuses one without this), also delete
                      every noncurrent version that holds a matching line
Uses the AWS SDK's standard configuration (credentials chain, AWS_REGION — default the estate's region —,
AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL_CLOUDFORMATION, AWS_ENDPOINT_URL_CLOUDWATCH_LOGS).`;

/**
 * CloudFront standard logs and S3 server access logs are delivered on a best-effort
 * basis, usually within an hour but sometimes hours later
 * (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging-legacy-s3.html#access-logs-timing,
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html#LogDeliveryBestEffort):
 * a log of a request made before the run may land after its listing.
 */
export const LATE_LOG_HOURS = 24;

export async function eraseCommand(argv: readonly string[], ctx: CommandContext & { readonly cwd?: string }): Promise<number> {
  const { values } = parse(argv);
  const ips = values.ip ?? [];
  const matches = values.match ?? [];
  if (ips.length === 0 && matches.length === 0) throw new UsageError('Give at least one --ip or --match.');
  if (values.receipt && values.resume) throw new UsageError('Give --receipt (a new request) or --resume (an interrupted one), not both.');
  try {
    lineMatcher(ips, matches); // a bad identifier is a usage error, found before any receipt is written
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const started = new Date();
  let receipt: Receipt;
  let buckets: string[];
  let dryRun = values['dry-run'] === true;
  const deleteStreams = values['delete-log-streams'] === true;
  try {
    if (values.resume) {
      receipt = Receipt.resume(values.resume, ips, matches);
      buckets = [...receipt.request.buckets];
      if (values['dry-run'] !== undefined && dryRun !== receipt.request.dryRun) {
        throw new UsageError(`--resume: ${values.resume} was ${receipt.request.dryRun ? 'a dry run' : 'not a dry run'}; resume it as it was`);
      }
      dryRun = receipt.request.dryRun;
    } else {
      buckets = await resolveBuckets(values.bucket, ctx.estateName);
      // Named resources mean "only these"; otherwise the deployed estate's, like its buckets.
      const logGroups = values['log-group'] ?? (values.bucket ? [] : await findLogGroups(new CloudFormationClient({}), ctx.estateName));
      const path = values.receipt ?? defaultReceiptPath(`erasure-${started.toISOString().replace(/[:.]/g, '-')}`, ctx.cwd);
      receipt = Receipt.create(path, ips, matches, buckets, logGroups, dryRun);
    }
  } catch (error) {
    if (error instanceof UsageError || !/^--(receipt|resume):/.test((error as Error).message)) throw error;
    throw new UsageError((error as Error).message);
  }
  let report: EraseReport;
  try {
    report = await erase(new S3Client({ followRegionRedirects: true }), { ips, matches, buckets, dryRun, includeVersions: values['include-versions'] === true }, {
      skip: (bucket, key, versionId) => receipt.done.has(objectId(bucket, key, versionId)),
      onObject: (o) => receipt.object(o),
    });
    const recheckAfter = new Date(started.getTime() + LATE_LOG_HOURS * 3600_000).toISOString();
    const rewritten = report.objects.filter((o) => o.status === 'rewritten').length;
    const failed = report.objects.filter((o) => o.status === 'failed').length;
    receipt.summary({ objectsScanned: report.objectsScanned, linesMatched: report.linesMatched, objectsRewritten: rewritten, objectsFailed: failed, recheckAfter });
    const findings = await searchLogGroups(new CloudWatchLogsClient({}), receipt.request.logGroups, lineMatcher(ips, matches), deleteStreams && !dryRun);
    for (const f of findings) {
      receipt.logGroup({
        logGroup: f.logGroup,
        matches: f.matches,
        retentionDays: f.retentionDays,
        expiresBy: f.expiresBy?.toISOString(),
        streamsDeleted: f.deletedStreams.length,
        error: f.error,
      });
    }
    ctx.out(formatReport(report, buckets));
    ctx.out(formatLogGroups(findings, receipt.request.logGroups.length));
    ctx.out(
      `\nReceipt: ${receipt.path} (request ${receipt.request.requestId}).` +
        `\nLogs can arrive up to ${LATE_LOG_HOURS} hours after the requests they record. Recheck after ${recheckAfter}:` +
        `\n  npm run erase -- <the same --ip/--match> --resume ${receipt.path}`,
    );
    return failed > 0 || findings.some((f) => f.error) ? 1 : 0;
  } finally {
    receipt.close();
  }
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
        receipt: { type: 'string' },
        resume: { type: 'string' },
        'include-versions': { type: 'boolean' },
        'log-group': { type: 'string', multiple: true },
        'delete-log-streams': { type: 'boolean' },
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
  const rows = report.objects.map((o) => [
    o.bucket,
    o.key + (o.versionId ? ` (version ${o.versionId})` : ''),
    String(o.lines),
    o.status + (o.error ? `: ${o.error}` : ''),
  ]);
  const matched = report.objects.filter((o) => o.status === 'rewritten' || o.status === 'would-rewrite');
  const versions = report.objects.filter((o) => o.status === 'version-deleted' || o.status === 'version-would-delete').length;
  const failed = report.objects.filter((o) => o.status === 'failed').length;
  const summary =
    `${report.dryRun ? 'Dry run, nothing changed. ' : ''}Scanned ${report.objectsScanned} objects in ${buckets.length} bucket(s): ` +
    `${matched.length} object(s) ${report.dryRun ? 'would be rewritten' : 'rewritten'}, ${report.linesMatched} line(s) ` +
    `${report.dryRun ? 'would be removed' : 'removed'}, ${failed} object(s) failed.` +
    (versions > 0 ? ` ${versions} noncurrent version(s) ${report.dryRun ? 'would be deleted' : 'deleted'}.` : '') +
    (failed > 0 ? ' Failed objects were left unchanged; fix the cause and run again.' : '');
  return rows.length > 0 ? `${formatTable(['bucket', 'key', 'lines', 'status'], rows)}\n\n${summary}` : summary;
}

/** One row per log group that still holds events about the person (never the events themselves). */
export function formatLogGroups(findings: readonly LogGroupFinding[], searched: number): string {
  if (searched === 0) return '\nCloudWatch Logs: not searched (name the groups with --log-group, or run without --bucket).';
  const rows = findings.map((f) => [
    f.logGroup,
    String(f.matches),
    f.error ? `failed: ${f.error}` : f.expiresBy ? f.expiresBy.toISOString() : 'never (no retention set)',
    f.deletedStreams.length > 0 ? `${f.deletedStreams.length} stream(s) deleted` : f.error ? '-' : 'kept until expiry',
  ]);
  const head = `\nCloudWatch Logs: searched ${searched} log group(s); ${findings.filter((f) => !f.error).length} hold events about the person.`;
  return rows.length === 0 ? head : `${head}\n${formatTable(['log group', 'events', 'expires by', 'action'], rows)}`;
}
