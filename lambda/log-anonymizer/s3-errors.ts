/**
 * S3 answers the tools react to. A conditional write or delete that lost a race
 * answers 412 PreconditionFailed, or 409 ConditionalRequestConflict when the
 * other writer is still in flight; both mean "re-read and try again"
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/conditional-writes.html).
 */

interface S3ErrorShape {
  readonly name?: string;
  readonly $metadata?: { readonly httpStatusCode?: number };
}

export function isNotFound(error: unknown): boolean {
  const { name, $metadata } = (error ?? {}) as S3ErrorShape;
  return name === 'NotFound' || name === 'NoSuchKey' || $metadata?.httpStatusCode === 404;
}

export function isConflict(error: unknown): boolean {
  const { name, $metadata } = (error ?? {}) as S3ErrorShape;
  return (
    name === 'PreconditionFailed' || name === 'ConditionalRequestConflict' || $metadata?.httpStatusCode === 412 || $metadata?.httpStatusCode === 409
  );
}

/** How many times a writer re-reads and retries after losing a race before it gives up and reports it. */
export const MAX_CONFLICT_RETRIES = 5;
