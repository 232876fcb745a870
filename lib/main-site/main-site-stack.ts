import * as path from 'path';
import { Duration, RemovalPolicy, Stack, StackProps, Validations } from 'aws-cdk-lib';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { EstateConfig } from '../config';
import { siteDomain } from '../constructs/site-domain';
import { LOG_PREFIXES } from '../constructs/log-bucket';
import { nagAccount, nagPartition } from '../constructs/nag-finding';
import { PrivateDistribution } from '../constructs/private-distribution';
import { privacyPage } from '../disclosure/page';
import { declarePublicContent } from '../privacy/public-content';
import { staticSiteCsp } from './csp';
import { REDIRECTS_FILE } from './redirects';
import { NOT_FOUND_PAGE, notFoundPage, prepareSiteContent } from './site-content';

/** Repository root: `contentDir` in the config is relative to it. */
const REPO_ROOT = path.join(__dirname, '..', '..');

export interface MainSiteStackProps extends StackProps {
  readonly config: EstateConfig;
  readonly logBucket: s3.IBucket;
  /** SSM parameter (us-east-1) with the certificate ARN; present when the estate has a domain. */
  readonly certificateArnParameter?: string;
}

/** The main site: static pages from a private bucket, no cookies. */
export class MainSiteStack extends Stack {
  public readonly contentBucket: s3.Bucket;
  public readonly site: PrivateDistribution;

  constructor(scope: Construct, id: string, props: MainSiteStackProps) {
    super(scope, id, props);
    const { config } = props;
    // Redirects validated and the content scanned before any construct exists.
    const content = prepareSiteContent(config, REPO_ROOT);

    this.contentBucket = new s3.Bucket(this, 'Content', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      encryption: s3.BucketEncryption.S3_MANAGED,
      // The site's pages are the project's own work, not visitors' data; keep them if the stack goes.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const cfnContent = this.contentBucket.node.defaultChild as s3.CfnBucket;
    // Access logs go to the EU log bucket, which grants the logging service itself
    // (no cross-stack bucket-policy edit, hence the L1 property).
    cfnContent.loggingConfiguration = {
      destinationBucketName: props.logBucket.bucketName,
      logFilePrefix: LOG_PREFIXES.s3Access('main-content'),
    };
    declarePublicContent(
      this.contentBucket,
      'Published pages of the main site: public content with no personal data, replaced on each deployment; expiring it would take the site down.',
    );

    this.site = new PrivateDistribution(this, 'Site', {
      siteKey: 'main',
      site: config.sites.main,
      origin: S3BucketOrigin.withOriginAccessControl(this.contentBucket),
      logBucket: props.logBucket,
      domain: siteDomain(this, config, 'main', props.certificateArnParameter),
      defaultRootObject: 'index.html',
      // Folder URLs (/x/ → x/index.html, /x → 301 /x/) and the site's redirects, at the edge.
      routes: { r: content.redirects },
      contentSecurityPolicy: config.sites.main.contentSecurityPolicy ?? staticSiteCsp(),
      // Without ListBucket, OAC reads of a missing key come back 403: show the 404 page.
      errorResponses: [403, 404].map((httpStatus) => ({
        httpStatus,
        responseHttpStatus: 404,
        responsePagePath: `/${NOT_FOUND_PAGE}`,
        ttl: Duration.minutes(5),
      })),
    });

    const deployment = new s3deploy.BucketDeployment(this, 'Deploy', {
      destinationBucket: this.contentBucket,
      sources: [
        // The redirects file is read at synth and answered at the edge, not published.
        s3deploy.Source.asset(content.dir, { exclude: [REDIRECTS_FILE] }),
        // Content without a 404 page (Sphinx builds have none) gets a plain one.
        ...(content.hasNotFoundPage ? [] : [s3deploy.Source.data(NOT_FOUND_PAGE, notFoundPage(config))]),
        // Global Privacy Control support resource (https://privacycg.github.io/gpc-spec/).
        s3deploy.Source.jsonData('.well-known/gpc.json', { gpc: true }),
        // Generated from the estate config, so the published policy says what the stacks do.
        s3deploy.Source.data('privacy.html', privacyPage(config)),
      ],
      distribution: this.site.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 256,
    });
    acknowledgeContentDeployment(deployment, this.contentBucket);

  }
}

/** CDK's content-deployment handler: its role and runtime are CDK's, not ours to shape. */
function acknowledgeContentDeployment(deployment: s3deploy.BucketDeployment, contentBucket: s3.Bucket): void {
  const handler = deployment.handlerRole.node.scope!;
  const stack = Stack.of(contentBucket);
  const contentArn = `<${stack.getLogicalId(contentBucket.node.defaultChild as s3.CfnBucket)}.Arn>`;
  Validations.of(handler).acknowledge({
    id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    reason:
      "AWSLambdaBasicExecutionRole on CDK's deployment handler only lets it write its own logs, which go to a " +
      'retention-bounded log group in this EU stack.',
  });
  const wildcards = [
    'Action::s3:Abort*',
    'Action::s3:DeleteObject*',
    'Action::s3:GetBucket*',
    'Action::s3:GetObject*',
    'Action::s3:List*',
    `Resource::${contentArn}/*`,
    `Resource::arn:${nagPartition(stack)}:s3:::cdk-hnb659fds-assets-${nagAccount(stack)}-${stack.region}/*`,
    // cloudfront:CreateInvalidation has no resource-level scoping.
    'Resource::*',
  ];
  for (const finding of wildcards) {
    Validations.of(handler).acknowledge({
      id: `AwsSolutions-IAM5[${finding}]`,
      reason:
        "CDK's BucketDeployment grants itself read on its own asset objects, read/write/delete on the content bucket's " +
        'objects (it syncs the folder) and cloudfront:CreateInvalidation, which supports no resource scoping.',
    });
  }
  Validations.of(handler).acknowledge({
    id: 'AwsSolutions-L1',
    reason: "The runtime of CDK's BucketDeployment handler is pinned by aws-cdk-lib and moves with its upgrades.",
  });
}
