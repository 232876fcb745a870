import { Duration, Stack, StackProps } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { VpcOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import { EstateConfig, ForumConfig, siteHostName } from '../config';
import { siteDomain } from '../constructs/site-domain';
import { ForumBackup } from './forum-backup';
import { FORUM_CSP, FORUM_FORWARD_HEADERS, forumBehaviors, forumDefaultBehavior } from './forum-edge';
import { ForumEgress } from './forum-egress';
import { ForumEmail } from './forum-email';
import { ForumHost } from './forum-host';
import { ForumOriginAccess } from './forum-origin-access';
import { PrivateDistribution } from '../constructs/private-distribution';
import { APP_YML_PLACEHOLDERS, forumAppYml } from './app-yml';
import { NetworkStack } from '../network/network-stack';

export interface ForumStackProps extends StackProps {
  readonly config: EstateConfig;
  readonly site: ForumConfig;
  readonly network: NetworkStack;
  readonly logBucket: s3.IBucket;
  /** SSM parameter (us-east-1) with the certificate ARN; present when the estate has a domain. */
  readonly certificateArnParameter?: string;
}

const ORIGIN_PORT = 80;

/** The forum: one Discourse host in the EU, its backups, its mail and its distribution. */
export class ForumStack extends Stack {
  public readonly host: ForumHost;
  public readonly backup: ForumBackup;
  public readonly email?: ForumEmail;
  public readonly site: PrivateDistribution;
  /** The app.yml the host is bootstrapped with (placeholders in place of secrets). */
  public readonly appYml: string;

  constructor(scope: Construct, id: string, props: ForumStackProps) {
    super(scope, id, props);
    const { config } = props;
    const hostName = siteHostName(config, 'forum');
    // Without a domain the host name is the distribution's, known only after it is
    // created, which is after the host (its origin): the host reads it from SSM at boot.
    const hostnameParameterName = hostName ? undefined : `/${config.name}/forum/hostname`;

    this.email =
      config.domain && hostName ? new ForumEmail(this, 'Email', { domain: config.domain, hostName }) : undefined;

    this.appYml = forumAppYml({
      hostname: hostName ?? APP_YML_PLACEHOLDERS.hostname,
      adminEmails: props.site.adminEmails,
      smtp: this.email && hostName ? { address: this.email.smtpEndpoint, domain: hostName, notificationEmail: this.email.fromAddress } : undefined,
    });

    const { privateSubnets, natSecurityGroup } = props.network;
    if (!privateSubnets || !natSecurityGroup) {
      throw new Error('ForumStack: the network stack has no private subnets with a NAT; it creates them when config.sites.forum is set.');
    }
    this.host = new ForumHost(this, 'Host', {
      vpc: props.network.vpc,
      // CloudFront VPC origins must be in a private subnet (docs/forum.md, "Edge").
      subnet: props.network.vpc.selectSubnets(privateSubnets).subnets[0],
      appYml: this.appYml,
      logRetentionDays: config.logRetentionDays,
      hostnameParameterName,
      smtpSecretArn: this.email?.smtpSecret.secretArn,
    });

    new ForumEgress(this, 'Egress', { hostSecurityGroup: this.host.securityGroup, natSecurityGroup });

    this.backup = new ForumBackup(this, 'Backup', {
      instance: this.host.instance,
      dataVolume: this.host.dataVolume,
      retentionDays: config.backupRetentionDays,
    });

    const origin = VpcOrigin.withEc2Instance(this.host.instance, {
      httpPort: ORIGIN_PORT,
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTP_ONLY,
      // Message-bus long polls last 25 s; leave room above CloudFront's 30 s default.
      readTimeout: Duration.seconds(60),
    });
    this.site = new PrivateDistribution(this, 'Site', {
      siteKey: 'forum',
      site: props.site,
      origin,
      logBucket: props.logBucket,
      domain: siteDomain(this, config, 'forum', props.certificateArnParameter),
      // Discourse sends its own CSP with a per-request nonce and 'strict-dynamic'; the edge's
      // self-only CSP applies only to responses without one (forum-edge.ts, FORUM_CSP).
      contentSecurityPolicy: FORUM_CSP,
      overrideOriginContentSecurityPolicy: false,
      forwardHeaders: FORUM_FORWARD_HEADERS,
      defaultBehavior: forumDefaultBehavior(props.site),
      additionalBehaviors: forumBehaviors(props.site),
    });

    new ForumOriginAccess(this, 'OriginAccess', {
      vpc: props.network.vpc,
      hostSecurityGroup: this.host.securityGroup,
      distribution: this.site.distribution,
      port: ORIGIN_PORT,
    });

    if (hostnameParameterName) {
      new ssm.StringParameter(this, 'Hostname', {
        parameterName: hostnameParameterName,
        stringValue: this.site.distribution.distributionDomainName,
        description: 'Host name of the forum (its CloudFront domain), read by the forum host at boot',
      });
    }

  }
}
