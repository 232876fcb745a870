import { Duration, Stack, StackProps, Validations } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { VpcOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { AppmanConfig, EstateConfig, siteHostName } from '../config';
import { APPMAN_DATABASE_NAME, AppmanDatabase } from './appman-database';
import { DJANGO_FORWARDED_HEADERS, djangoEnvironment } from './appman-django-env';
import { AppmanEmail } from './appman-email';
import { AppmanLoadBalancer } from './appman-load-balancer';
import { AppmanService } from './appman-service';
import { AppmanSessionCleanup } from './appman-session-cleanup';
import { siteDomain } from '../constructs/site-domain';
import { LOG_PREFIXES } from '../constructs/log-bucket';
import { PrivateDistribution } from '../constructs/private-distribution';
import { NetworkStack } from '../network/network-stack';

/** Path the load balancer probes; part of the app contract (docs/appman.md). */
export const APPMAN_HEALTH_CHECK_PATH = '/health/';

/**
 * The page CloudFront shows instead of Django's own on an error status; part of the
 * app contract (docs/appman.md). Served through the /static/* behavior, whose
 * response headers policy removes Set-Cookie: CloudFront runs no viewer-response
 * function on status >= 400, so this is what keeps an error response's cookies
 * (e.g. a 404 that sets _ga) from the browser. See docs/cookie-filter.md.
 */
export const APPMAN_ERROR_PAGE_PATH = '/static/edge-error.html';

/** Every status CloudFront accepts as a custom error response's ErrorCode (CloudFormation CustomErrorResponse). */
export const CLOUDFRONT_ERROR_CODES = [400, 403, 404, 405, 414, 416, 500, 501, 502, 503, 504];

export interface AppmanStackProps extends StackProps {
  readonly config: EstateConfig;
  readonly site: AppmanConfig;
  readonly network: NetworkStack;
  readonly logBucket: s3.IBucket;
  /** SSM parameter (us-east-1) with the certificate ARN; present when the estate has a domain. */
  readonly certificateArnParameter?: string;
}

/** Appman, the Appliance ID manager: Django on Fargate, PostgreSQL, SES, behind CloudFront. */
export class AppmanStack extends Stack {
  public readonly database: AppmanDatabase;
  public readonly email: AppmanEmail;
  public readonly loadBalancer: AppmanLoadBalancer;
  public readonly site: PrivateDistribution;
  public readonly app: AppmanService;
  public readonly sessionCleanup: AppmanSessionCleanup;

  constructor(scope: Construct, id: string, props: AppmanStackProps) {
    super(scope, id, props);
    const { config, network } = props;
    const hostName = siteHostName(config, 'appman');

    this.database = new AppmanDatabase(this, 'Database', {
      vpc: network.vpc,
      subnets: network.isolatedSubnets,
      backupRetentionDays: config.backupRetentionDays,
    });
    this.email = new AppmanEmail(this, 'Email', { configurationSetName: `${config.name}-appman`, domain: config.domain });
    this.loadBalancer = new AppmanLoadBalancer(this, 'LoadBalancer', {
      vpc: network.vpc,
      subnets: network.isolatedSubnets,
      cloudFront: network.cloudFrontOriginFacing,
      logBucket: props.logBucket,
      logPrefix: LOG_PREFIXES.loadBalancer('appman'),
    });

    this.site = new PrivateDistribution(this, 'Site', {
      siteKey: 'appman',
      site: props.site,
      origin: VpcOrigin.withApplicationLoadBalancer(this.loadBalancer.alb, {
        protocolPolicy: cloudfront.OriginProtocolPolicy.HTTP_ONLY,
        httpPort: 80,
      }),
      logBucket: props.logBucket,
      domain: siteDomain(this, config, 'appman', props.certificateArnParameter),
      forwardHeaders: DJANGO_FORWARDED_HEADERS,
      // Pages carry per-user content and CSRF tokens: never cached. Static files are.
      defaultBehavior: { caching: 'uncached', allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL },
      additionalBehaviors: { '/static/*': { caching: 'cached', stripSetCookie: true } },
      // Error responses keep their status but carry the static error page, without cookies;
      // ttl 0: CloudFront asks the origin again next time instead of caching the error.
      errorResponses: CLOUDFRONT_ERROR_CODES.map((code) => ({
        httpStatus: code,
        responseHttpStatus: code,
        responsePagePath: APPMAN_ERROR_PAGE_PATH,
        ttl: Duration.seconds(0),
      })),
    });

    const djangoSecretKey = new secretsmanager.Secret(this, 'DjangoSecretKey', {
      description: 'Django SECRET_KEY of Appman (signs sessions, CSRF tokens and password-reset links)',
      generateSecretString: { passwordLength: 64, excludeCharacters: '"\'\\`$' },
    });
    const environment = djangoEnvironment({
      site: props.site,
      hostName: hostName ?? this.site.distribution.distributionDomainName,
      database: {
        host: this.database.instance.dbInstanceEndpointAddress,
        port: this.database.instance.dbInstanceEndpointPort,
        name: APPMAN_DATABASE_NAME,
      },
      email: this.email.fromAddress
        ? { region: this.region, configurationSet: this.email.configurationSet.configurationSetName, fromAddress: this.email.fromAddress }
        : undefined,
      healthCheckPath: APPMAN_HEALTH_CHECK_PATH,
    });
    const secrets = {
      DJANGO_SECRET_KEY: ecs.Secret.fromSecretsManager(djangoSecretKey),
      DATABASE_USER: ecs.Secret.fromSecretsManager(this.database.secret, 'username'),
      DATABASE_PASSWORD: ecs.Secret.fromSecretsManager(this.database.secret, 'password'),
    };
    this.app = new AppmanService(this, 'App', {
      vpc: network.vpc,
      subnets: network.publicSubnets,
      image: props.site.image,
      listener: this.loadBalancer.listener,
      healthCheckPath: APPMAN_HEALTH_CHECK_PATH,
      logRetentionDays: config.logRetentionDays,
      environment,
      secrets,
    });
    this.sessionCleanup = new AppmanSessionCleanup(this, 'SessionCleanup', {
      cluster: this.app.cluster,
      image: props.site.image,
      environment,
      secrets,
      subnets: network.publicSubnets,
      securityGroup: this.app.securityGroup,
      logRetentionDays: config.logRetentionDays,
    });
    this.database.instance.connections.allowDefaultPortFrom(this.app.service, 'Appman tasks');
    this.email.grantSend(this.app.taskDefinition.taskRole);
    acknowledgeSecretKey(djangoSecretKey);

  }
}

function acknowledgeSecretKey(secret: secretsmanager.Secret): void {
  Validations.of(secret).acknowledge({
    id: 'AwsSolutions-SMG4',
    reason:
      "Django's SECRET_KEY of Appman is not rotated on a schedule: a rotation signs every visitor out and voids " +
      'outstanding activation and password-reset links. It is rotated by a deployment that moves the old value to ' +
      'SECRET_KEY_FALLBACKS, which a Secrets Manager rotation Lambda cannot do.',
  });
}
