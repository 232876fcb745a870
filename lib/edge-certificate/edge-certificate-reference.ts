import { Arn, Stack } from 'aws-cdk-lib';
import { Certificate, ICertificate } from 'aws-cdk-lib/aws-certificatemanager';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { acknowledgeAwsCustomResourceHandler } from '../constructs/aws-custom-resource-handler';

export interface EdgeCertificateReferenceProps {
  /** SSM parameter in us-east-1 that holds the certificate ARN. */
  readonly parameterName: string;
  /** Host names the certificate covers: a change re-reads the (then replaced) certificate's ARN. */
  readonly hostNames: string[];
}

export const CERTIFICATE_REGION = 'us-east-1';

/**
 * Reads the us-east-1 certificate's ARN at deploy time from an EU stack. The
 * reading Lambda runs, and logs, in this (EU) stack; nothing is looked up at synth.
 */
export class EdgeCertificateReference extends Construct {
  public readonly certificate: ICertificate;

  constructor(scope: Construct, id: string, props: EdgeCertificateReferenceProps) {
    super(scope, id);
    const parameterArn = Arn.format(
      { service: 'ssm', region: CERTIFICATE_REGION, resource: 'parameter', resourceName: props.parameterName.replace(/^\//, '') },
      Stack.of(this),
    );
    const call: cr.AwsSdkCall = {
      service: 'SSM',
      action: 'getParameter',
      region: CERTIFICATE_REGION,
      parameters: { Name: props.parameterName },
      physicalResourceId: cr.PhysicalResourceId.of(`${props.parameterName}:${props.hostNames.join(',')}`),
    };
    const read = new cr.AwsCustomResource(this, 'Read', {
      onCreate: call,
      onUpdate: call,
      policy: cr.AwsCustomResourcePolicy.fromSdkCalls({ resources: [parameterArn] }),
      installLatestAwsSdk: false,
    });
    this.certificate = Certificate.fromCertificateArn(this, 'Certificate', read.getResponseField('Parameter.Value'));
    acknowledgeAwsCustomResourceHandler(this);
  }
}

