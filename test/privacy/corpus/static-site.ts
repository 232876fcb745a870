/** The common public static-site shape: a bucket behind CloudFront with OAC, pages uploaded by BucketDeployment. */
import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';

export function staticSite(stack: Stack): void {
  const site = new s3.Bucket(stack, 'SiteBucket', {
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    removalPolicy: RemovalPolicy.DESTROY,
    autoDeleteObjects: true,
  });
  const distribution = new cloudfront.Distribution(stack, 'SiteDistribution', {
    defaultRootObject: 'index.html',
    defaultBehavior: {
      origin: origins.S3BucketOrigin.withOriginAccessControl(site),
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      responseHeadersPolicy: cloudfront.ResponseHeadersPolicy.SECURITY_HEADERS,
    },
  });
  new s3deploy.BucketDeployment(stack, 'DeployWithInvalidation', {
    sources: [s3deploy.Source.data('index.html', '<html><body><h1>Hello</h1></body></html>')],
    destinationBucket: site,
    distribution,
    distributionPaths: ['/*'],
  });
}
