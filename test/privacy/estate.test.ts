import { App, Stack } from 'aws-cdk-lib';
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

  test("every stack serving a site has that site's cookie allowlist", () => {
    const lists = siteCookieAllowlists(app, estateConfig);
    const sitesServed = app.node.children
      .filter((c): c is Stack => Stack.isStack(c))
      .filter((s) => s.node.findAll().some((c) => Stack.of(c) === s && (c as { cfnResourceType?: string }).cfnResourceType === 'AWS::CloudFront::CachePolicy'));
    expect(sitesServed.length).toBeGreaterThan(0);
    for (const stack of sitesServed) expect(lists).toHaveProperty([stack.node.path]);
    expect(lists[`${estateConfig.name}-MainSite`]).toEqual([]);
  });
});
