import { HostedZone } from 'aws-cdk-lib/aws-route53';
import { Construct } from 'constructs';
import { allSiteHostNames, EstateConfig, SiteKey, siteHostName } from '../config';
import { EdgeCertificateReference } from '../edge-certificate/edge-certificate-reference';
import { SiteDomain } from './private-distribution';

/**
 * The custom domain of one site for `PrivateDistribution` (host name, us-east-1
 * certificate, hosted zone for its alias records), or `undefined` when the estate
 * has no domain and the site is served on its CloudFront domain.
 */
export function siteDomain(
  scope: Construct,
  config: EstateConfig,
  siteKey: SiteKey,
  certificateArnParameter: string | undefined,
): SiteDomain | undefined {
  const hostName = siteHostName(config, siteKey);
  if (!config.domain || !hostName || !certificateArnParameter) return undefined;
  const reference = new EdgeCertificateReference(scope, 'EdgeCertificate', {
    parameterName: certificateArnParameter,
    hostNames: allSiteHostNames(config),
  });
  // Built from attributes, not looked up: synth needs no AWS credentials.
  const zone = HostedZone.fromHostedZoneAttributes(scope, 'SiteZone', {
    hostedZoneId: config.domain.hostedZoneId,
    zoneName: config.domain.name,
  });
  return { names: [hostName], certificate: reference.certificate, zone };
}
