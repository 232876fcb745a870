import { estateConfig } from '../../estate.config';
import { applyContext, EstateConfig, EstateConfigError, validateConfig } from '../../lib/config';
import { buildEstate, testApp, withDomain } from '../setup/estate';
import { createEstate } from '../../lib/estate';

function problemsOf(config: EstateConfig): EstateConfigError {
  try {
    validateConfig(config);
  } catch (e) {
    if (e instanceof EstateConfigError) return e;
    throw e;
  }
  throw new Error('expected the config to be rejected');
}

const appman = estateConfig.sites.appman!;

describe('estate config validation', () => {
  test('the default config is valid', () => {
    expect(validateConfig(estateConfig)).toBe(estateConfig);
    expect(validateConfig(withDomain())).toBeTruthy();
  });

  test('a non-EU region names the field, the value and the fix', () => {
    const err = problemsOf({ ...estateConfig, region: 'us-east-1' });
    expect(err.problems).toEqual([expect.objectContaining({ field: 'region', value: 'us-east-1' })]);
    expect(err.message).toMatch(/region: "us-east-1" — not an EU region.*Use one of eu-west-1/);
  });

  test('a non-EU region among the allowed regions is rejected', () => {
    const err = problemsOf({ ...estateConfig, allowedRegions: ['eu-west-1', 'us-west-2'] });
    expect(err.message).toMatch(/allowedRegions\[1\]: "us-west-2" — not an EU region/);
  });

  test('log retention above the ceiling', () => {
    const err = problemsOf({ ...estateConfig, logRetentionDays: 90 });
    expect(err.message).toMatch(/logRetentionDays: 90 — above the ceiling maxLogRetentionDays = 30; lower it to 30 or less/);
  });

  test('backup retention above the ceiling', () => {
    const err = problemsOf({ ...estateConfig, backupRetentionDays: 400 });
    expect(err.message).toMatch(/backupRetentionDays: 400 — above the ceiling maxBackupRetentionDays = 35/);
  });

  test('log retention of zero (never expire) is rejected', () => {
    const err = problemsOf({ ...estateConfig, logRetentionDays: 0 });
    expect(err.message).toMatch(/logRetentionDays: 0 — .*never-expire is not allowed/);
  });

  test('a duplicate cookie name', () => {
    const cookies = [...appman.cookies, { ...appman.cookies[0] }];
    const err = problemsOf({ ...estateConfig, sites: { ...estateConfig.sites, appman: { ...appman, cookies } } });
    expect(err.message).toMatch(/sites\.appman\.cookies\[3\]\.name: "csrftoken" — declared twice in this site; remove the duplicate/);
  });

  test.each(['session id', 'a;b', 'name=', '', 'naïve', '(x)'])('cookie name %j is not an RFC 6265 token', (name) => {
    const cookies = [{ ...appman.cookies[1], name }];
    const err = problemsOf({ ...estateConfig, sites: { ...estateConfig.sites, appman: { ...appman, cookies } } });
    expect(err.problems[0].field).toBe('sites.appman.cookies[0].name');
    expect(err.message).toMatch(/not an RFC 6265 token/);
  });

  // The promise guarded: "We no longer use Google Analytics on any of our sites"; cookies are "non-tracking, first-party".
  test.each([
    ['appman', '_ga', 'Google Analytics'],
    ['appman', '_ga_ABC123', 'Google Analytics'],
    ['forum', '_fbp', 'Meta (Facebook) pixel'],
    ['forum', '_hjSessionUser_42', 'Hotjar'],
  ] as const)('no analytics: %s may not allow the tracking cookie %s (%s)', (site, name, tracker) => {
    const declared = estateConfig.sites[site]!;
    const cookies = [...declared.cookies, { name, purpose: 'Measures visits.', lifetime: { maxDays: 400 }, httpOnly: false }];
    const err = problemsOf({ ...estateConfig, sites: { ...estateConfig.sites, [site]: { ...declared, cookies } } });
    expect(err.problems).toEqual([expect.objectContaining({ field: `sites.${site}.cookies[${declared.cookies.length}].name`, value: name })]);
    expect(err.message).toContain(`${tracker}'s cookie`);
    expect(err.message).toContain('We no longer use Google Analytics on any of our sites');
  });

  test('an unknown site key', () => {
    const sites = { ...estateConfig.sites, blog: estateConfig.sites.main } as unknown as EstateConfig['sites'];
    const err = problemsOf({ ...estateConfig, sites });
    expect(err.message).toMatch(/sites\.blog: "blog" — unknown site; the estate has main, appman, forum/);
  });

  test('a domain without a hosted zone', () => {
    const err = problemsOf({ ...estateConfig, domain: { name: 'example.org', hostedZoneId: '' } });
    expect(err.message).toMatch(/domain\.hostedZoneId: "" — a domain needs its Route 53 hosted zone id.*-c hostedZoneId=/);
  });

  test('cookies on the main site break the policy', () => {
    const main = { ...estateConfig.sites.main, cookies: [appman.cookies[0]] };
    const err = problemsOf({ ...estateConfig, sites: { ...estateConfig.sites, main } });
    expect(err.message).toMatch(/sites\.main\.cookies: \["csrftoken"\] — the policy promises the main site sets no cookies/);
  });

  test('every problem is reported at once', () => {
    const err = problemsOf({ ...estateConfig, region: 'us-east-1', logRetentionDays: 365 });
    expect(err.problems.map((p) => p.field)).toEqual(['region', 'logRetentionDays']);
  });

  test('context values are validated the same way', () => {
    const config = applyContext(estateConfig, (k) => ({ region: 'ap-southeast-2', hostedZoneId: 'Z123' } as Record<string, string>)[k]);
    const err = problemsOf(config);
    expect(err.problems.map((p) => p.field)).toEqual(['region', 'domain.name']);
  });

  test('context values override the file', () => {
    const config = applyContext(estateConfig, (k) =>
      ({ account: '123456789012', domainName: 'example.org', hostedZoneId: 'Z0123456789ABCDEFGHIJ', appmanImage: 'registry.example.org/appman:2.0' } as Record<string, string>)[k],
    );
    expect(validateConfig(config)).toMatchObject({
      account: '123456789012',
      domain: { name: 'example.org', hostedZoneId: 'Z0123456789ABCDEFGHIJ' },
      sites: { appman: { image: 'registry.example.org/appman:2.0' } },
    });
  });

  test('createEstate rejects a bad config before creating any construct', () => {
    const app = testApp();
    expect(() => createEstate(app, { ...estateConfig, region: 'us-east-1' })).toThrow(EstateConfigError);
    expect(app.node.children).toHaveLength(0);
  });

  test('a good config builds', () => {
    expect(buildEstate().estate.mainSite).toBeDefined();
  });
});
