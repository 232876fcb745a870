import * as fs from 'fs';
import * as path from 'path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { estateConfig } from '../../estate.config';
import { buildEstate, withDomain } from '../setup/estate';

function distributionConfig(template: Template) {
  const distributions = Object.values(template.findResources('AWS::CloudFront::Distribution'));
  expect(distributions).toHaveLength(1);
  return distributions[0].Properties.DistributionConfig;
}

function headersPolicy(template: Template) {
  const policies = Object.values(template.findResources('AWS::CloudFront::ResponseHeadersPolicy'));
  expect(policies).toHaveLength(1);
  return policies[0].Properties.ResponseHeadersPolicyConfig;
}

describe('main site stack', () => {
  const { app, estate } = buildEstate();
  const template = Template.fromStack(estate.mainSite);
  const dist = distributionConfig(template);

  test('lives in the configured EU region', () => {
    expect(estate.mainSite.region).toBe(estateConfig.region);
  });

  test('content bucket is private, TLS-only, encrypted and retained', () => {
    template.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        BucketEncryption: Match.anyValue(),
      }),
    });
  });

  test('CloudFront reads the bucket through origin access control', () => {
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    expect(dist.Origins[0].OriginAccessControlId).toBeDefined();
    expect(dist.Origins[0].S3OriginConfig.OriginAccessIdentity).toBe('');
  });

  test('every behavior redirects to HTTPS and carries the security headers policy', () => {
    for (const behavior of [dist.DefaultCacheBehavior, ...(dist.CacheBehaviors ?? [])]) {
      expect(behavior.ViewerProtocolPolicy).toBe('redirect-to-https');
      expect(behavior.ResponseHeadersPolicyId).toBeDefined();
    }
  });

  test('access logs go to the EU log bucket, cookies never logged', () => {
    expect(dist.Logging.IncludeCookies).toBe(false);
    expect(dist.Logging.Prefix).toBe('cloudfront/main/');
    expect(JSON.stringify(dist.Logging.Bucket)).toContain('Estate-Logs');
  });

  test('no cookie reaches the cache key or the origin', () => {
    template.hasResourceProperties('AWS::CloudFront::CachePolicy', {
      CachePolicyConfig: { ParametersInCacheKeyAndForwardedToOrigin: { CookiesConfig: { CookieBehavior: 'none' } } },
    });
    template.hasResourceProperties('AWS::CloudFront::OriginRequestPolicy', {
      OriginRequestPolicyConfig: { CookiesConfig: { CookieBehavior: 'none' } },
    });
  });

  test('security and privacy headers', () => {
    const policy = headersPolicy(template);
    const sec = policy.SecurityHeadersConfig;
    expect(sec.StrictTransportSecurity).toMatchObject({ AccessControlMaxAgeSec: 63072000, IncludeSubdomains: true, Override: true });
    expect(sec.ContentSecurityPolicy.ContentSecurityPolicy).toMatch(/^default-src 'self';/);
    expect(sec.ContentSecurityPolicy.ContentSecurityPolicy).not.toMatch(/https?:|\*/);
    expect(['same-origin', 'no-referrer', 'strict-origin', 'strict-origin-when-cross-origin']).toContain(sec.ReferrerPolicy.ReferrerPolicy);
    expect(sec.ContentTypeOptions.Override).toBe(true);
    expect(sec.FrameOptions.FrameOption).toBe('DENY');
    const permissions = policy.CustomHeadersConfig.Items.find((h: { Header: string }) => h.Header === 'Permissions-Policy');
    expect(permissions.Value).toContain('browsing-topics=()');
  });

  test('deploys the site folder and /.well-known/gpc.json', () => {
    const assembly = app.synth();
    const sources = fs.readdirSync(assembly.directory).filter((f) => f.startsWith('asset.'));
    const files = sources.flatMap((dir) => {
      const full = path.join(assembly.directory, dir);
      return fs.statSync(full).isDirectory() ? listFiles(full).map((f) => path.relative(full, f)) : [];
    });
    expect(files).toEqual(expect.arrayContaining(['index.html', 'privacy.html', '404.html', '.well-known/gpc.json']));
    const gpcDir = sources.find((dir) => fs.existsSync(path.join(assembly.directory, dir, '.well-known/gpc.json')))!;
    expect(JSON.parse(fs.readFileSync(path.join(assembly.directory, gpcDir, '.well-known/gpc.json'), 'utf8'))).toEqual({ gpc: true });
  });

  test('without a domain: CloudFront default domain, no certificate stack', () => {
    expect(estate.certificates).toBeUndefined();
    expect(dist.Aliases).toBeUndefined();
  });
});

describe('main site with a domain', () => {
  const { estate } = buildEstate(withDomain());
  const template = Template.fromStack(estate.mainSite);
  const dist = distributionConfig(template);

  test('serves the apex with TLS 1.2 (2021 policy) minimum', () => {
    expect(dist.Aliases).toEqual(['example.org']);
    expect(dist.ViewerCertificate).toMatchObject({ MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' });
  });

  test('alias records in the configured hosted zone, without a lookup', () => {
    template.resourceCountIs('AWS::Route53::RecordSet', 2);
    template.hasResourceProperties('AWS::Route53::RecordSet', { HostedZoneId: 'Z0123456789ABCDEFGHIJ', Type: 'A' });
  });

  test('certificate stack is in us-east-1 and holds only the certificate and its ARN parameter', () => {
    const certs = estate.certificates!;
    expect(certs.region).toBe('us-east-1');
    const types = Object.values(Template.fromStack(certs).toJSON().Resources).map((r) => (r as { Type: string }).Type);
    expect(types.sort()).toEqual(['AWS::CertificateManager::Certificate', 'AWS::SSM::Parameter']);
  });

  test('the EU stack reads the certificate ARN at deploy time from us-east-1', () => {
    template.hasResourceProperties('Custom::AWS', {
      Create: Match.stringLikeRegexp('"region":"us-east-1".*"action":"getParameter"|"action":"getParameter".*"region":"us-east-1"'),
    });
  });
});

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}
