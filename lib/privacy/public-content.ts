import { CfnResource } from 'aws-cdk-lib';
import { CfnBucket, IBucket } from 'aws-cdk-lib/aws-s3';
import { PUBLIC_CONTENT_METADATA_KEY } from './markers';

/**
 * Declares that `bucket` holds public content (pages anyone may read, no personal
 * data), so `Privacy-S3BucketExpiry` does not require its objects to expire. The
 * reason is written into the template's resource metadata, where a reviewer sees it.
 */
export function declarePublicContent(bucket: IBucket | CfnBucket, reason: string): void {
  if (reason.trim() === '') {
    throw new Error(`declarePublicContent(${bucket.node.path}): reason is empty; say why this bucket holds no personal data.`);
  }
  const cfn = bucket instanceof CfnBucket ? bucket : bucket.node.defaultChild;
  if (!(cfn instanceof CfnBucket)) {
    throw new Error(`declarePublicContent(${bucket.node.path}): not a bucket defined in this app (no CfnBucket to mark).`);
  }
  cfn.addMetadata(PUBLIC_CONTENT_METADATA_KEY, reason);
}

/** The declared reason, or `undefined` when the bucket is not declared public content. */
export function publicContentReason(node: CfnResource): string | undefined {
  const reason = node.getMetadata(PUBLIC_CONTENT_METADATA_KEY);
  return typeof reason === 'string' && reason.trim() !== '' ? reason : undefined;
}
