import { Server, createServer } from 'http';
import { AddressInfo } from 'net';

/**
 * A stand-in for Amazon SQS on loopback, speaking its JSON 1.0 protocol (POST /,
 * `X-Amz-Target: AmazonSQS.<Action>`, `Content-Type: application/x-amz-json-1.0`),
 * for the one action verify uses: GetQueueAttributes
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_GetQueueAttributes.html),
 * attribute values as strings, an unknown queue answering
 * `AWS.SimpleQueueService.NonExistentQueue` (QueueDoesNotExist). Any other action
 * answers UnknownOperationException, any attribute it does not model a 400.
 */
export interface LoopbackSqs {
  readonly endpoint: string;
  /** Queue name → messages waiting (visible) and in flight (not visible). */
  readonly queues: Map<string, { visible: number; inFlight: number }>;
  url(name: string): string;
  stop(): Promise<void>;
}

const MODELLED = ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'];

export async function startLoopbackSqs(): Promise<LoopbackSqs> {
  const queues: LoopbackSqs['queues'] = new Map();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const reply = (status: number, body: object) => {
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'loopback' });
        res.end(JSON.stringify(body));
      };
      if (req.headers['x-amz-target'] !== 'AmazonSQS.GetQueueAttributes') {
        return reply(400, { __type: 'com.amazonaws.sqs#UnknownOperationException', message: `Unknown operation ${String(req.headers['x-amz-target'])}` });
      }
      const input = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { QueueUrl: string; AttributeNames?: string[] };
      const unmodelled = (input.AttributeNames ?? []).filter((a) => !MODELLED.includes(a));
      if (unmodelled.length > 0) return reply(400, { __type: 'com.amazonaws.sqs#InvalidAttributeName', message: `not modelled: ${unmodelled.join(', ')}` });
      const queue = queues.get(input.QueueUrl.split('/').pop() ?? '');
      if (!queue) return reply(400, { __type: 'com.amazonaws.sqs#QueueDoesNotExist', message: 'The specified queue does not exist.' });
      return reply(200, {
        Attributes: { ApproximateNumberOfMessages: String(queue.visible), ApproximateNumberOfMessagesNotVisible: String(queue.inFlight) },
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    queues,
    url: (name) => `${endpoint}/123456789012/${name}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
