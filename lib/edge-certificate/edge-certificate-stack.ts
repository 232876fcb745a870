import { Stack, StackProps } from 'aws-cdk-lib';
import { Certificate, CertificateValidation, ICertificate } from 'aws-cdk-lib/aws-certificatemanager';
import { HostedZone } from 'aws-cdk-lib/aws-route53';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import { DomainConfig } from '../config';

export interface EdgeCertificateStackProps extends StackProps {
  readonly domain: DomainConfig;
  /** Every host name a distribution serves. */
  readonly hostNames: string[];
  /** SSM parameter the EU stacks read the certificate ARN from. */
  readonly certificateArnParameter: string;
}

/**
 * us-east-1, because CloudFront only accepts certificates from there. Holds the
 * certificate and an SSM parameter with its ARN — no data, and no code: CDK's
 * cross-region references would run a Lambda here whose logs stay in us-east-1,
 * so the EU stacks read the parameter themselves (see EdgeCertificateReference).
 */
export class EdgeCertificateStack extends Stack {
  public readonly certificate: ICertificate;

  constructor(scope: Construct, id: string, props: EdgeCertificateStackProps) {
    super(scope, id, props);
    // Built from attributes, not looked up: synth needs no AWS credentials.
    const zone = HostedZone.fromHostedZoneAttributes(this, 'Zone', {
      hostedZoneId: props.domain.hostedZoneId,
      zoneName: props.domain.name,
    });
    const [primary, ...alternatives] = props.hostNames;
    this.certificate = new Certificate(this, 'Certificate', {
      domainName: primary,
      subjectAlternativeNames: alternatives,
      validation: CertificateValidation.fromDns(zone),
    });
    new StringParameter(this, 'CertificateArn', {
      parameterName: props.certificateArnParameter,
      stringValue: this.certificate.certificateArn,
      description: 'ARN of the CloudFront certificate, read by the EU stacks',
    });
  }
}
