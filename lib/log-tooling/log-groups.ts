import { CloudWatchLogsClient, DeleteLogStreamCommand, DescribeLogGroupsCommand, paginateFilterLogEvents } from '@aws-sdk/client-cloudwatch-logs';

/**
 * CloudWatch Logs cannot delete or edit a single log event: an event stays
 * until its group's retention expires it (the estate gives every group a
 * bounded retention), or until its whole log stream or group is deleted
 * (https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_DeleteLogStream.html).
 * So erase finds and reports: for each log group, how many events are about the
 * person and by when the last of them expires (its time + the group's
 * retention), for the answer to the requester. With an explicit flag it deletes
 * the whole streams that hold a match, and with them every other event in them.
 *
 * Every event is read (FilterLogEvents without a pattern) and matched here, with
 * the same matcher as the S3 logs: CloudWatch filter patterns are case-sensitive
 * and do not percent-decode
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html).
 */

export interface LogGroupFinding {
  readonly logGroup: string;
  readonly matches: number;
  /** Streams holding at least one match. */
  readonly streams: readonly string[];
  readonly retentionDays?: number;
  /** The last matching event's time + retention; absent if the group keeps events forever. */
  readonly expiresBy?: Date;
  readonly deletedStreams: readonly string[];
  readonly error?: string;
}

const DAY_MS = 86_400_000;

export async function searchLogGroups(
  logs: CloudWatchLogsClient,
  groups: readonly string[],
  matches: (latin1Line: string) => boolean,
  deleteStreams: boolean,
): Promise<LogGroupFinding[]> {
  const findings: LogGroupFinding[] = [];
  for (const logGroup of groups) {
    try {
      const finding = await searchLogGroup(logs, logGroup, matches, deleteStreams);
      if (finding) findings.push(finding);
    } catch (error) {
      findings.push({ logGroup, matches: 0, streams: [], deletedStreams: [], error: (error as Error).message || String(error) });
    }
  }
  return findings;
}

async function searchLogGroup(
  logs: CloudWatchLogsClient,
  logGroup: string,
  matches: (latin1Line: string) => boolean,
  deleteStreams: boolean,
): Promise<LogGroupFinding | undefined> {
  const { logGroups } = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: logGroup }));
  const group = logGroups?.find((g) => g.logGroupName === logGroup);
  if (!group) return undefined; // e.g. a function's default group, created only when it first logs
  let count = 0;
  let last = 0;
  const streams = new Set<string>();
  for await (const page of paginateFilterLogEvents({ client: logs }, { logGroupName: logGroup })) {
    for (const event of page.events ?? []) {
      // Messages arrive decoded; the matcher reads lines as the bytes a log file holds.
      if (!event.message || !matches(Buffer.from(event.message, 'utf8').toString('latin1'))) continue;
      count++;
      last = Math.max(last, event.timestamp ?? 0);
      if (event.logStreamName) streams.add(event.logStreamName);
    }
  }
  if (count === 0) return undefined;
  const deletedStreams: string[] = [];
  if (deleteStreams) {
    for (const logStreamName of streams) {
      await logs.send(new DeleteLogStreamCommand({ logGroupName: logGroup, logStreamName }));
      deletedStreams.push(logStreamName);
    }
  }
  const retentionDays = group.retentionInDays;
  return {
    logGroup,
    matches: count,
    streams: [...streams].sort(),
    retentionDays,
    expiresBy: retentionDays === undefined ? undefined : new Date(last + retentionDays * DAY_MS),
    deletedStreams,
  };
}
