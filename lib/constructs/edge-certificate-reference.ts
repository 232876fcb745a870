import { Arn, Stack, Validations } from 'aws-cdk-lib';
import { Certificate, ICertificate } from 'aws-cdk-lib/aws-certificatemanager';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { allSiteHostNames, EstateConfig, SiteKey, siteHostName } from '../config';

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
    acknowledgeReaderFindings(this);
  }
}

function acknowledgeReaderFindings(scope: Construct): void {
  const stack = Stack.of(scope);
  // AwsCustomResource shares one singleton handler per stack, created at stack level.
  for (const child of stack.node.children) {
    if (!child.node.id.startsWith('AWS679f53fac002430cb0da5b7982bd2287')) continue;
    Validations.of(child).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        "AWSLambdaBasicExecutionRole on CDK's AwsCustomResource handler only lets it write its own logs, which go to " +
        'a retention-bounded log group in this EU stack.',
    });
    Validations.of(child).acknowledge({
      id: 'AwsSolutions-L1',
      reason: "The runtime of CDK's AwsCustomResource handler is pinned by aws-cdk-lib and moves with its upgrades.",
    });
  }
}

/**
 * The custom domain of one site for `PrivateDistribution`, or `undefined` when
 * the estate has no domain (the site is then served on its CloudFront domain).
 */
export function siteDomain(
  scope: Construct,
  config: EstateConfig,
  siteKey: SiteKey,
  certificateArnParameter: string | undefined,
): { names: string[]; certificate: ICertificate } | undefined {
  const hostName = siteHostName(config, siteKey);
  if (!hostName || !certificateArnParameter) return undefined;
  const reference = new EdgeCertificateReference(scope, 'EdgeCertificate', {
    parameterName: certificateArnParameter,
    hostNames: allSiteHostNames(config),
  });
  return { names: [hostName], certificate: reference.certificate };
}
