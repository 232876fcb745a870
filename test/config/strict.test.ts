import { estateConfig } from '../../estate.config';
import {
  applyContext,
  contextProblems,
  EstateConfig,
  EstateConfigError,
  euRegions,
  EXAMPLE_APPMAN_IMAGE,
  EXAMPLE_FORUM_ADMIN_EMAIL,
  imageReferenceProblem,
  validateConfig,
  ValidateOptions,
} from '../../lib/config';
import { withDomain } from '../setup/estate';

function problemsOf(config: unknown, options?: ValidateOptions): EstateConfigError {
  try {
    validateConfig(config as EstateConfig, options);
  } catch (e) {
    if (e instanceof EstateConfigError) return e;
    throw e;
  }
  throw new Error('expected the config to be rejected');
}

const appman = estateConfig.sites.appman!;
const forum = estateConfig.sites.forum!;
const deployable = (config: EstateConfig): EstateConfig => ({
  ...config,
  alertEmails: ['ops@example.org'],
  sites: {
    ...config.sites,
    appman: { ...appman, image: 'registry.example.org/appman:1.0.0' },
    forum: { ...forum, adminEmails: ['forum-admin@example.org'] },
  },
});

describe('unknown keys at any depth', () => {
  test('a misspelled top-level key names the key and the likely one', () => {
    const { domain, ...rest } = withDomain();
    const err = problemsOf({ ...rest, domian: domain });
    expect(err.problems).toEqual([expect.objectContaining({ field: 'domian', value: domain })]);
    expect(err.message).toMatch(/domian: .* — unknown key; did you mean "domain"\?/);
  });

  test('nested keys: inside a site, a cookie, a cookie lifetime, a processor and the domain', () => {
    const cookies = [{ ...appman.cookies[0], lifetime: { maxDay: 365 } }, { ...appman.cookies[1], httponly: true }];
    const config = {
      ...withDomain(),
      domain: { name: 'example.org', hostedZoneId: 'Z0123456789ABCDEFGHIJ', hostedZone: 'x' },
      sites: { ...estateConfig.sites, appman: { ...appman, cookies, imgae: 'x' } },
      processors: [{ ...estateConfig.processors[0], privacyPolicyURL: 'https://x' }],
    };
    const fields = problemsOf(config).problems.map((p) => p.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'domain.hostedZone',
        'sites.appman.cookies[0].lifetime.maxDay',
        'sites.appman.cookies[1].httponly',
        'sites.appman.imgae',
        'processors[0].privacyPolicyURL',
      ]),
    );
    const message = problemsOf(config).message;
    expect(message).toMatch(/sites\.appman\.imgae: "x" — unknown key; did you mean "image"\?/);
    expect(message).toMatch(/lifetime\.maxDay: 365 — unknown key; did you mean "maxDays"\?/);
    expect(message).toMatch(/httponly: true — unknown key; did you mean "httpOnly"\?/);
  });

  test('a key far from any known one gets no guess', () => {
    expect(problemsOf({ ...estateConfig, colourScheme: 'dark' }).message).toMatch(/colourScheme: "dark" — unknown key\. Remove it/);
  });
});

describe('-c context', () => {
  test('a misspelled key is refused with the likely one', () => {
    const problems = contextProblems({ regoin: 'eu-west-3' });
    expect(problems).toEqual([expect.objectContaining({ field: '-c regoin', value: 'eu-west-3' })]);
    expect(problems[0].fix).toMatch(/did you mean -c region=/);
  });

  test('an empty value is refused instead of falling back to the file', () => {
    expect(contextProblems({ appmanImage: '' })).toEqual([expect.objectContaining({ field: '-c appmanImage', fix: expect.stringMatching(/empty value/) })]);
  });

  test("the CLI's own and namespaced keys pass", () => {
    expect(
      contextProblems({
        'cli-telemetry': false,
        'acknowledged-issue-numbers': [1],
        '@aws-cdk/core:checkSecretUsage': true,
        'aws:cdk:version-reporting': false,
        account: '123456789012',
      }),
    ).toEqual([]);
  });

  test('context problems are reported with the config problems, all at once', () => {
    const context = { regoin: 'eu-west-3', region: 'eu-central-2' };
    const config = applyContext(estateConfig, (k) => (context as Record<string, string>)[k]);
    expect(problemsOf(config, { context }).problems.map((p) => p.field)).toEqual(['-c regoin', 'region']);
  });

  test('alertEmails takes a comma-separated list; each must be an address', () => {
    const config = applyContext(estateConfig, (k) => ({ alertEmails: 'ops@rockstor.com, oncall@rockstor.com' } as Record<string, string>)[k]);
    expect(config.alertEmails).toEqual(['ops@rockstor.com', 'oncall@rockstor.com']);
    const err = problemsOf({ ...estateConfig, alertEmails: ['ops@rockstor.com', 'not an address', 'ops@localhost'] });
    expect(err.problems.map((p) => [p.field, p.value])).toEqual([
      ['alertEmails[1]', 'not an address'],
      ['alertEmails[2]', 'ops@localhost'],
    ]);
  });

  test('forum admins must be addresses too', () => {
    const err = problemsOf({ ...estateConfig, sites: { ...estateConfig.sites, forum: { ...forum, adminEmails: ['admin'] } } });
    expect(err.problems.map((p) => [p.field, p.value])).toEqual([['sites.forum.adminEmails[0]', 'admin']]);
  });

  test('forumAdminEmails takes a comma-separated list', () => {
    const config = applyContext(estateConfig, (k) => ({ forumAdminEmails: 'a@rockstor.com, b@rockstor.com' } as Record<string, string>)[k]);
    expect(config.sites.forum!.adminEmails).toEqual(['a@rockstor.com', 'b@rockstor.com']);
  });
});

describe('EU regions', () => {
  test('only regions in EU member states', () => {
    expect(euRegions().sort()).toEqual(['eu-central-1', 'eu-north-1', 'eu-south-1', 'eu-south-2', 'eu-west-1', 'eu-west-3']);
  });

  test.each([
    ['eu-central-2', /Zurich is in Switzerland, which is not an EU member state/],
    ['eu-west-2', /London is in the United Kingdom, which left the EU/],
  ])('%s is refused with the reason', (region, reason) => {
    const err = problemsOf({ ...estateConfig, region });
    expect(err.problems.map((p) => p.field)).toEqual(['region']);
    expect(err.message).toMatch(reason);
    expect(problemsOf({ ...estateConfig, allowedRegions: [...euRegions(), region] }).message).toMatch(reason);
  });
});

describe('image references', () => {
  test.each([
    'ghcr.io/rockstor/appman:1.0.0',
    '123456789012.dkr.ecr.eu-west-1.amazonaws.com/appman:1.4.2',
    'localhost:5000/appman:dev',
    'rockstor/appman@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
    'docker.io/library/python:3.12-slim',
  ])('%s is accepted', (image) => {
    expect(imageReferenceProblem(image)).toBeUndefined();
  });

  test.each([
    ['ghcr.io/Rockstor/appman:1.0', /not a valid image reference/],
    ['appman latest', /not a valid image reference/],
    ['https://ghcr.io/rockstor/appman:1.0', /not a valid image reference/],
    ['ghcr.io/rockstor/appman:', /not a valid image reference/],
    ['ghcr.io/rockstor/appman', /name a tag or digest/],
  ])('%s is refused', (image, why) => {
    expect(imageReferenceProblem(image)).toMatch(why);
    const err = problemsOf({ ...estateConfig, sites: { ...estateConfig.sites, appman: { ...appman, image } } });
    expect(err.problems).toEqual([expect.objectContaining({ field: 'sites.appman.image', value: image })]);
  });
});

describe('placeholders in a deployment', () => {
  test('the example image and admin are refused once a domain is configured', () => {
    const err = problemsOf(withDomain(), { forDeployment: true });
    expect(err.problems).toEqual([
      expect.objectContaining({ field: 'sites.appman.image', value: EXAMPLE_APPMAN_IMAGE }),
      expect.objectContaining({ field: 'sites.forum.adminEmails[0]', value: EXAMPLE_FORUM_ADMIN_EMAIL }),
      expect.objectContaining({ field: 'alertEmails', value: undefined }),
    ]);
    expect(err.message).toMatch(/-c appmanImage=/);
    expect(err.message).toMatch(/-c forumAdminEmails=/);
    expect(err.message).toMatch(/-c alertEmails=/);
  });

  test('a deployment with a domain and an empty alertEmails is refused: its alarms would tell nobody', () => {
    const err = problemsOf({ ...deployable(withDomain()), alertEmails: [] }, { forDeployment: true });
    expect(err.problems).toEqual([expect.objectContaining({ field: 'alertEmails' })]);
  });

  test('real values with a domain deploy; the examples without a domain still synthesize', () => {
    expect(validateConfig(deployable(withDomain()), { forDeployment: true })).toBeTruthy();
    expect(validateConfig(estateConfig, { forDeployment: true })).toBe(estateConfig);
  });
});
