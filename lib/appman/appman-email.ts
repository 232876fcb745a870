import { Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as ses from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';
import { DomainConfig } from '../config';
import { NoTrackingConfigurationSet } from '../constructs/no-tracking-configuration-set';

export interface AppmanEmailProps {
  /** Name of the SES configuration set (letters, digits, `-`, `_`). */
  readonly configurationSetName: string;
  /**
   * The estate's domain. SES sends only from verified identities; without a domain
   * there is none, so no identity and no send permission are created.
   */
  readonly domain?: DomainConfig;
  /** @default 'appman' */
  readonly fromLocalPart?: string;
}

/**
 * Appman's outgoing mail (activation codes, renewal reminders): an SES domain
 * identity whose default configuration set has no open or click tracking, no
 * engagement metrics and no event destinations, and delivers only over TLS.
 */
export class AppmanEmail extends Construct {
  public readonly configurationSet: ses.ConfigurationSet;
  public readonly identity?: ses.EmailIdentity;
  /** The address the app sends from; absent without a domain. */
  public readonly fromAddress?: string;
  private readonly domainName?: string;

  constructor(scope: Construct, id: string, props: AppmanEmailProps) {
    super(scope, id);
    this.configurationSet = new NoTrackingConfigurationSet(this, 'ConfigurationSet', {
      configurationSetName: props.configurationSetName,
    });
    if (!props.domain) return;

    const zone = route53.PublicHostedZone.fromPublicHostedZoneAttributes(this, 'Zone', {
      hostedZoneId: props.domain.hostedZoneId,
      zoneName: props.domain.name,
    });
    // Easy DKIM; CDK writes the three DKIM CNAMEs into the zone.
    this.identity = new ses.EmailIdentity(this, 'Identity', {
      identity: ses.Identity.publicHostedZone(zone),
      configurationSet: this.configurationSet,
    });
    this.domainName = props.domain.name;
    this.fromAddress = `${props.fromLocalPart ?? 'appman'}@${props.domain.name}`;
  }

  /**
   * Lets `grantee` send through this identity and configuration set, and only
   * with a From address in the estate's domain. No-op without a domain.
   */
  public grantSend(grantee: iam.IGrantable): void {
    if (!this.identity || !this.domainName) return;
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [
          this.identity.emailIdentityArn,
          Stack.of(this).formatArn({
            service: 'ses',
            resource: 'configuration-set',
            resourceName: this.configurationSet.configurationSetName,
          }),
        ],
        conditions: { StringLike: { 'ses:FromAddress': `*@${this.domainName}` } },
      }),
    );
    // django-ses with its defaults (SES v1 API, AWS_SES_AUTO_THROTTLE 0.5) reads the account's
    // MaxSendRate with GetSendQuota before its first send in a process (django_ses/__init__.py,
    // SESBackend._update_throttling → get_rate_limit); without it the first mail fails. The
    // throttle keeps a batch of renewal reminders under the SES rate, so it stays on.
    const quota = new iam.PolicyStatement({ actions: ['ses:GetSendQuota'], resources: ['*'] });
    grantee.grantPrincipal.addToPrincipalPolicy(quota);
    const principal = grantee.grantPrincipal;
    const policy = principal instanceof iam.Role ? principal.node.tryFindChild('DefaultPolicy') : undefined;
    if (policy) {
      Validations.of(policy).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'ses:GetSendQuota has no resource-level permissions (Service Authorization Reference); it reads only the ' +
          "account's sending limits, which django-ses's auto-throttle needs before it sends.",
      });
    }
  }
}
