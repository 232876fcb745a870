import { Stack } from 'aws-cdk-lib';
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
  }
}
