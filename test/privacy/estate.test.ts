import { App } from 'aws-cdk-lib';
import { estateConfig } from '../../estate.config';
import { privacyChecks, siteCookieAllowlists } from '../../lib/checks';
import { createEstate } from '../../lib/estate';

describe('default estate under PrivacyChecks', () => {
  const app = new App();
  createEstate(app, estateConfig);
  app.synth(); // as in `cdk synth`: cross-stack references are exports by now
  const report = privacyChecks(app, estateConfig).validateScope(app);

  test('has zero findings', () => {
    const findings = report.violations.map((v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`);
    expect(findings).toEqual([]);
    expect(report.success).toBe(true);
  });

  test("every cache policy falls under a site's cookie allowlist", () => {
    const lists = siteCookieAllowlists(app, estateConfig);
    const policies = app.node
      .findAll()
      .filter((c) => (c as { cfnResourceType?: string }).cfnResourceType === 'AWS::CloudFront::CachePolicy');
    expect(policies.length).toBeGreaterThan(0);
    for (const policy of policies) {
      expect(Object.keys(lists).filter((prefix) => policy.node.path.startsWith(`${prefix}/`))).toHaveLength(1);
    }
    expect(lists[`${estateConfig.name}-MainSite/Site`]).toEqual([]);
    expect(lists[`${estateConfig.name}-Appman/Site`]).toEqual(['csrftoken', 'sessionid', 'messages']);
  });

  test('an edge policy forwarding a cookie the checked config does not declare is a finding', () => {
    const appman = estateConfig.sites.appman!;
    const narrower = { ...estateConfig, sites: { ...estateConfig.sites, appman: { ...appman, cookies: appman.cookies.slice(0, 2) } } };
    const findings = privacyChecks(app, narrower).validateScope(app).violations;
    expect(findings.map((v) => v.ruleName)).toContain('Privacy-CloudFrontCookieAllowlist');
  });
});
