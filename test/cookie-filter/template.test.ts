import { Match } from 'aws-cdk-lib/assertions';
import { estateConfig } from '../../estate.config';
import { COOKIE_FILTER_CODE_MARKER, COOKIE_FILTER_NAME_PREFIX } from '../../lib/privacy/markers';
import { DOMAIN, estateTemplates, siteFilters, siteTemplate, withDomain } from './support';

const RUNTIME = 'cloudfront-js-2.0';

describe.each([
  ['on *.cloudfront.net', estateConfig],
  ['with a custom domain', withDomain()],
])('estate %s', (_label, config) => {
  const templates = estateTemplates(config);
  const withDistributions = templates.filter((t) => Object.keys(t.findResources('AWS::CloudFront::Distribution')).length > 0);

  test('has distributions to check', () => {
    expect(withDistributions.length).toBeGreaterThan(0);
  });

  test('every behavior of every distribution runs a cookie filter on viewer request and viewer response', () => {
    for (const t of withDistributions) {
      const functions = t.findResources('AWS::CloudFront::Function');
      for (const [id, dist] of Object.entries(t.findResources('AWS::CloudFront::Distribution'))) {
        const config = dist.Properties.DistributionConfig;
        const behaviors = [config.DefaultCacheBehavior, ...(config.CacheBehaviors ?? [])];
        for (const b of behaviors) {
          const byEvent = Object.fromEntries(
            (b.FunctionAssociations ?? []).map((a: any) => [a.EventType, functions[a.FunctionARN['Fn::GetAtt'][0]]]),
          );
          for (const event of ['viewer-request', 'viewer-response']) {
            const fn = byEvent[event];
            expect({ distribution: id, path: b.PathPattern ?? '*', event, found: fn !== undefined }).toEqual(
              expect.objectContaining({ found: true }),
            );
            expect(fn.Properties.FunctionConfig.Runtime).toBe(RUNTIME);
            expect(fn.Properties.Name.startsWith(COOKIE_FILTER_NAME_PREFIX)).toBe(true);
            expect(fn.Properties.FunctionCode.startsWith(COOKIE_FILTER_CODE_MARKER)).toBe(true);
            expect(fn.Properties.AutoPublish).toBe(true);
          }
        }
      }
    }
  });

  test('function names are unique across the estate and valid CloudFront names', () => {
    const names = withDistributions.flatMap((t) =>
      Object.values(t.findResources('AWS::CloudFront::Function')).map((f) => f.Properties.Name as string),
    );
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  });

  test('the main site (no cookies) removes Set-Cookie in its response headers policy, for error responses too', () => {
    const main = withDistributions.find((t) =>
      Object.values(t.findResources('AWS::CloudFront::Function')).some((f) => /-main-request$/.test(f.Properties.Name)),
    )!;
    main.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: { RemoveHeadersConfig: { Items: [{ Header: 'Set-Cookie' }] } },
    });
    main.hasResourceProperties('AWS::CloudFront::CachePolicy', {
      CachePolicyConfig: { ParametersInCacheKeyAndForwardedToOrigin: { CookiesConfig: { CookieBehavior: 'none' } } },
    });
    main.hasResourceProperties('AWS::CloudFront::OriginRequestPolicy', {
      OriginRequestPolicyConfig: { CookiesConfig: { CookieBehavior: 'none' } },
    });
  });

  test('no distribution sends Clear-Site-Data', () => {
    for (const t of withDistributions) {
      expect(JSON.stringify(t.toJSON()).toLowerCase()).not.toContain('clear-site-data');
    }
  });
});

describe.each(['appman', 'forum'] as const)('%s distribution', (key) => {
  // The app stacks call the same PrivateDistribution; this checks it for their configs.
  const t = siteTemplate(key, DOMAIN);
  const names = estateConfig.sites[key]!.cookies.map((c) => c.name);

  test('every behavior (default, cached, uncached) has both filters', () => {
    const [dist] = Object.values(t.findResources('AWS::CloudFront::Distribution'));
    const c = dist.Properties.DistributionConfig;
    const behaviors = [c.DefaultCacheBehavior, ...c.CacheBehaviors];
    expect(behaviors).toHaveLength(3);
    for (const b of behaviors) {
      expect(b.FunctionAssociations.map((a: any) => a.EventType).sort()).toEqual(['viewer-request', 'viewer-response']);
    }
    expect(siteFilters(key, DOMAIN).viewerRequest.name).toBe(`${COOKIE_FILTER_NAME_PREFIX}-eu-west-1-Test-${key}-${key}-request`);
  });

  test('keeps Set-Cookie in the headers policy (the viewer-response filter rewrites it)', () => {
    t.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: { RemoveHeadersConfig: Match.absent() },
    });
  });

  test('cache and origin request policies forward exactly the allowlisted cookies', () => {
    t.hasResourceProperties('AWS::CloudFront::CachePolicy', {
      CachePolicyConfig: { ParametersInCacheKeyAndForwardedToOrigin: { CookiesConfig: { CookieBehavior: 'whitelist', Cookies: names } } },
    });
    t.hasResourceProperties('AWS::CloudFront::OriginRequestPolicy', {
      OriginRequestPolicyConfig: { CookiesConfig: { CookieBehavior: 'whitelist', Cookies: names } },
    });
  });
});
