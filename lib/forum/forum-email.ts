import { SecretValue, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as ses from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';
import { DomainConfig } from '../config';
import { NoTrackingConfigurationSet } from '../constructs/no-tracking-configuration-set';

export interface ForumEmailProps {
  readonly domain: DomainConfig;
  /** The forum's host name; mail is sent from this subdomain identity. */
  readonly hostName: string;
  /** @default 'noreply' */
  readonly fromLocalPart?: string;
  /**
   * Bump to rotate the SMTP credentials: CloudFormation issues a new access key
   * and the secret follows; then rebuild the forum (docs/forum.md).
   * @default 1
   */
  readonly credentialSerial?: number;
}

/**
 * The forum's own SES sending: a configuration set without open/click tracking
 * or engagement metrics, a DKIM-verified identity for the forum's host name that
 * sends through it by default, and SMTP credentials (Discourse speaks SMTP) kept
 * in Secrets Manager. The credentials are an IAM user that may only send through
 * this identity and set, from an address of the forum's host name.
 */
export class ForumEmail extends Construct {
  public readonly configurationSet: ses.ConfigurationSet;
  public readonly identity: ses.EmailIdentity;
  public readonly smtpSecret: secretsmanager.Secret;
  public readonly fromAddress: string;
  public readonly smtpEndpoint: string;

  constructor(scope: Construct, id: string, props: ForumEmailProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.fromAddress = `${props.fromLocalPart ?? 'noreply'}@${props.hostName}`;
    this.smtpEndpoint = `email-smtp.${stack.region}.amazonaws.com`;

    this.configurationSet = new NoTrackingConfigurationSet(this, 'ConfigurationSet');

    this.identity = new ses.EmailIdentity(this, 'Identity', {
      identity: ses.Identity.domain(props.hostName),
      configurationSet: this.configurationSet,
    });
    const zone = route53.PublicHostedZone.fromPublicHostedZoneAttributes(this, 'Zone', {
      hostedZoneId: props.domain.hostedZoneId,
      zoneName: props.domain.name,
    });
    // Easy DKIM for the subdomain identity: its three CNAMEs in the estate's zone. SES's token
    // name is already the full `<token>._domainkey.<host>`; the trailing dot marks it fully
    // qualified, so Route 53 does not append the zone name a second time (as CDK's own
    // EmailIdentity does for a zone identity, using the token name as the record name).
    [1, 2, 3].forEach((n) => {
      const name = this.identity[`dkimDnsTokenName${n}` as 'dkimDnsTokenName1'];
      const value = this.identity[`dkimDnsTokenValue${n}` as 'dkimDnsTokenValue1'];
      new route53.CnameRecord(this, `Dkim${n}`, { zone, recordName: `${name}.`, domainName: value });
    });

    const user = new iam.User(this, 'SmtpUser');
    user.addToPolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendRawEmail'],
        resources: [
          this.identity.emailIdentityArn,
          stack.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: this.configurationSet.configurationSetName }),
        ],
        conditions: { StringLike: { 'ses:FromAddress': `*@${props.hostName}` } },
      }),
    );
    const key = new iam.AccessKey(this, 'SmtpKey', { user, serial: props.credentialSerial ?? 1 });
    this.smtpSecret = new secretsmanager.Secret(this, 'SmtpCredentials', {
      description: 'Forum SES sending key; the host derives the SMTP password from it at boot',
      secretObjectValue: {
        // The key id is not secret; it is stored beside the secret key for the host to read both at once.
        accessKeyId: SecretValue.unsafePlainText(key.accessKeyId),
        secretAccessKey: key.secretAccessKey,
      },
    });
    Validations.of(this.smtpSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The secret is an SES SMTP credential derived from an IAM access key, which Secrets Manager rotation cannot reissue; ' +
        'rotation is `credentialSerial` + a forum rebuild, documented in docs/forum.md.',
    });
  }
}
