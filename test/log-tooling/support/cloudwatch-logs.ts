import { IncomingMessage, Server, ServerResponse, createServer } from 'http';
import { AddressInfo } from 'net';

/**
 * A stand-in for the CloudWatch Logs API on loopback, speaking its JSON 1.1
 * protocol (POST /, `X-Amz-Target: Logs_20140328.<Action>`,
 * `Content-Type: application/x-amz-json-1.1`), for the actions erase uses, after
 * the API reference (https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/):
 * - DescribeLogGroups (API_DescribeLogGroups.html): `logGroupNamePrefix`, `nextToken`,
 *   `limit` (1–50, default 50); `retentionInDays` absent when the group never expires;
 * - FilterLogEvents (API_FilterLogEvents.html): `logGroupName`, `nextToken`, `limit`
 *   (default and max 10,000 events); pages of at most `pageSize` events here, so
 *   callers must follow `nextToken`; unknown group → ResourceNotFoundException;
 * - DeleteLogStream (API_DeleteLogStream.html): `logGroupName`, `logStreamName`.
 * Stricter than the service: any other action answers UnknownOperationException, any
 * request member not listed above (a filter pattern, time range, stream filter) is a
 * ValidationException, since this stand-in does not model it.
 */

export interface StoredEvent {
  readonly logStreamName: string;
  readonly timestamp: number;
  readonly message: string;
}

export interface LoopbackLogs {
  readonly endpoint: string;
  /** Group name → retention (undefined: never expire) and events. */
  readonly groups: Map<string, { retentionInDays?: number; events: StoredEvent[] }>;
  readonly calls: string[];
  stop(): Promise<void>;
}

const ALLOWED: Record<string, readonly string[]> = {
  DescribeLogGroups: ['logGroupNamePrefix', 'nextToken', 'limit'],
  FilterLogEvents: ['logGroupName', 'nextToken', 'limit'],
  DeleteLogStream: ['logGroupName', 'logStreamName'],
};

export async function startLoopbackLogs(pageSize = 2): Promise<LoopbackLogs> {
  const groups: LoopbackLogs['groups'] = new Map();
  const calls: string[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const reply = (status: number, body: object) => {
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'loopback' });
        res.end(JSON.stringify(body));
      };
      const error = (type: string, message: string) => reply(400, { __type: type, message });
      const target = String(req.headers['x-amz-target'] ?? '');
      const action = target.startsWith('Logs_20140328.') ? target.slice('Logs_20140328.'.length) : '';
      calls.push(action || target);
      if (req.method !== 'POST' || !ALLOWED[action]) return error('UnknownOperationException', `Unknown operation ${target}`);
      if (!String(req.headers['content-type']).startsWith('application/x-amz-json-1.1')) return error('SerializationException', 'expected application/x-amz-json-1.1');
      const input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      const unknown = Object.keys(input).filter((k) => !ALLOWED[action].includes(k));
      if (unknown.length > 0) return error('ValidationException', `not modelled by the loopback stand-in: ${unknown.join(', ')}`);
      const start = Number(input.nextToken ?? 0);

      if (action === 'DescribeLogGroups') {
        const names = [...groups.keys()].filter((n) => n.startsWith(String(input.logGroupNamePrefix ?? ''))).sort();
        const limit = Number(input.limit ?? 50);
        const page = names.slice(start, start + limit).map((logGroupName) => ({
          logGroupName,
          creationTime: 1714564800000,
          arn: `arn:aws:logs:eu-west-1:123456789012:log-group:${logGroupName}:*`,
          storedBytes: 0,
          ...(groups.get(logGroupName)!.retentionInDays === undefined ? {} : { retentionInDays: groups.get(logGroupName)!.retentionInDays }),
        }));
        return reply(200, { logGroups: page, ...(start + limit < names.length ? { nextToken: String(start + limit) } : {}) });
      }
      const group = groups.get(String(input.logGroupName));
      if (!group) return error('ResourceNotFoundException', 'The specified log group does not exist.');
      if (action === 'FilterLogEvents') {
        const limit = Math.min(Number(input.limit ?? 10_000), pageSize);
        const events = group.events.slice(start, start + limit).map((e, i) => ({ ...e, ingestionTime: e.timestamp + 1000, eventId: String(start + i) }));
        return reply(200, { events, searchedLogStreams: [], ...(start + limit < group.events.length ? { nextToken: String(start + limit) } : {}) });
      }
      // DeleteLogStream
      const stream = String(input.logStreamName);
      if (!group.events.some((e) => e.logStreamName === stream)) return error('ResourceNotFoundException', 'The specified log stream does not exist.');
      group.events = group.events.filter((e) => e.logStreamName !== stream);
      return reply(200, {});
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    groups,
    calls,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
