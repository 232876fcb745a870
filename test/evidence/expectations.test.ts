import { estateConfig } from '../../estate.config';
import { expectedHeaders, siteForHost } from '../../lib/evidence';

/** The verdict's header expectations come from a response headers policy's CloudFormation config, with CloudFront's override rules. */
describe('header expectations from a response headers policy', () => {
  const policy = {
    SecurityHeadersConfig: {
      ContentSecurityPolicy: { ContentSecurityPolicy: "default-src 'self'", Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'same-origin', Override: false },
      ContentTypeOptions: { Override: true },
    },
    CustomHeadersConfig: { Items: [{ Header: 'Permissions-Policy', Value: 'browsing-topics=()', Override: true }] },
    RemoveHeadersConfig: { Items: [{ Header: 'Set-Cookie' }] },
  };

  test('overridden headers must have the policy value, others must be present, removed ones absent', () => {
    expect(expectedHeaders(policy)).toEqual([
      { name: 'content-security-policy', rule: 'exact', value: "default-src 'self'" },
      { name: 'x-content-type-options', rule: 'exact', value: 'nosniff' },
      { name: 'referrer-policy', rule: 'present', value: 'same-origin' },
      { name: 'permissions-policy', rule: 'exact', value: 'browsing-topics=()' },
      { name: 'set-cookie', rule: 'absent' },
    ]);
  });

  test('the site is found by its host under the configured domain, and not without one', () => {
    const config = { ...estateConfig, domain: { name: 'example.org', hostedZoneId: 'Z0123456789ABCDEFGHIJ' } };
    expect(siteForHost(config, 'example.org')).toBe('main');
    expect(siteForHost(config, 'Appman.example.org')).toBe('appman');
    expect(siteForHost(config, 'forum.example.org')).toBe('forum');
    expect(siteForHost(config, 'shop.example.org')).toBeUndefined();
    expect(siteForHost({ ...estateConfig, domain: undefined }, 'example.org')).toBeUndefined();
  });
});
