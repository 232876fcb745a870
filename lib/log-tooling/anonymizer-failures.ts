import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';

/**
 * Anonymizer events that failed every retry wait in its failed-events queue
 * (lib/log-archive/log-anonymizer.ts): each names a raw log object that still
 * holds full client IPs. A waiting event is a failed check: look at the
 * function's log for the key and the error, fix the cause, and re-drive the
 * object (copy it onto itself, which raises a new ObjectCreated event) before
 * the queue's retention drops the event.
 */
export async function failedEventsCheck(sqs: SQSClient, queueUrl: string): Promise<{ ok: boolean; detail: string }> {
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
  );
  const waiting = Number(Attributes?.ApproximateNumberOfMessages ?? 0) + Number(Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0);
  return waiting === 0
    ? { ok: true, detail: 'no failed anonymizer events' }
    : { ok: false, detail: `${waiting} anonymizer event(s) failed every retry: their raw log objects keep full client IPs` };
}
