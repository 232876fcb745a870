import { estateConfig } from '../../estate.config';
import { compileCookieFilter, cookiePolicy } from '../../lib/cookie-filter';
import { buildDisclosure, Disclosure, disclosureDrift, SynthesizedStack, synthesizedStacks } from '../../lib/disclosure';
import { atLeastDaily } from '../../lib/disclosure/drift-sessions';
import { functionAllowlist } from '../../lib/disclosure/function-allowlist';
import { synthesizeEstate } from '../../lib/preview/synth';

const withDomain = { ...estateConfig, domain: { name: 'example.org', hostedZoneId: 'Z0123456789ABCDEFGHIJ' } };
const stacks = synthesizedStacks(synthesizeEstate(withDomain).assembly);
const disclosure = buildDisclosure(withDomain);

/** A deep copy of the synthesized stacks, changed by `edit`: what a drifted stack would synthesize. */
function drifted(edit: (stacks: SynthesizedStack[]) => void): SynthesizedStack[] {
  const copy: SynthesizedStack[] = JSON.parse(JSON.stringify(stacks));
  edit(copy);
  return copy;
}

function stack(s: SynthesizedStack[], suffix: string): SynthesizedStack {
  return s.find((x) => x.name.endsWith(suffix))!;
}

function firstOfType(s: SynthesizedStack, type: string): any {
  return Object.values(s.template.Resources!).find((r) => r.Type === type)!;
}

describe('disclosure drift check (templates against the published disclosure)', () => {
  test('the estate as synthesized agrees with its disclosure', () => {
    expect(stacks.map((s) => s.region)).toContain('us-east-1');
    expect(disclosureDrift(stacks, disclosure)).toEqual([]);
  });

  test('a cookie allowlisted in a cache policy but not disclosed fails', () => {
    const s = drifted((all) => {
      const policy = firstOfType(stack(all, '-MainSite'), 'AWS::CloudFront::CachePolicy');
      policy.Properties.CachePolicyConfig.ParametersInCacheKeyAndForwardedToOrigin.CookiesConfig = {
        CookieBehavior: 'whitelist',
        Cookies: ['_ga'],
      };
    });
    const problems = disclosureDrift(s, disclosure);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/site "main"\): cookie "_ga" is allowlisted at the edge \(cache policy \w+\) but the disclosure does not list it/);
  });

  test('an origin request policy forwarding every cookie fails', () => {
    const s = drifted((all) => {
      const policy = firstOfType(stack(all, '-MainSite'), 'AWS::CloudFront::OriginRequestPolicy');
      policy.Properties.OriginRequestPolicyConfig.CookiesConfig = { CookieBehavior: 'all' };
    });
    expect(disclosureDrift(s, disclosure)).toEqual([expect.stringMatching(/origin request policy \w+ passes cookies "all"/)]);
  });

  test('a managed origin request policy forwarding every cookie fails', () => {
    const s = drifted((all) => {
      const dist = firstOfType(stack(all, '-MainSite'), 'AWS::CloudFront::Distribution');
      dist.Properties.DistributionConfig.DefaultCacheBehavior.OriginRequestPolicyId = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';
    });
    expect(disclosureDrift(s, disclosure)).toEqual([expect.stringContaining('managed origin request policy b689b0a8-53d0-40ab-baf2-68738e2966ac passes every cookie')]);
  });

  test('a disclosure that drops a cookie the edge allowlists fails', () => {
    const s = drifted((all) => {
      const policy = firstOfType(stack(all, '-MainSite'), 'AWS::CloudFront::CachePolicy');
      policy.Properties.CachePolicyConfig.ParametersInCacheKeyAndForwardedToOrigin.CookiesConfig = {
        CookieBehavior: 'whitelist',
        Cookies: ['sessionid'],
      };
    });
    const withCookie: Disclosure = {
      ...disclosure,
      sites: disclosure.sites.map((x) =>
        x.key === 'main' ? { ...x, cookies: [{ name: 'sessionid', purpose: 'p', lifetime: 'session', httpOnly: true, when: 'always' }] } : x,
      ),
    };
    expect(disclosureDrift(s, withCookie)).toEqual([]);
    expect(disclosureDrift(s, disclosure)).toEqual([expect.stringContaining('cookie "sessionid" is allowlisted')]);
  });

  test('a cookie filter whose baked allowlist names an undisclosed cookie fails', () => {
    const rogue = compileCookieFilter(
      'viewer-response',
      cookiePolicy({ cookies: [{ name: 'trk', purpose: 'p', lifetime: { maxDays: 30 }, httpOnly: false }] }, 'example.org'),
    );
    const s = drifted((all) => {
      const fns = Object.values(stack(all, '-MainSite').template.Resources!).filter((r) => r.Type === 'AWS::CloudFront::Function') as any[];
      const response = fns.find((f) => f.Properties.FunctionConfig.Comment.includes('viewer-response'));
      response.Properties.FunctionCode = rogue;
    });
    expect(disclosureDrift(s, disclosure)).toEqual([
      expect.stringMatching(/site "main"\): cookie "trk" is allowlisted at the edge \(cookie filter \w+\) but the disclosure does not list it/),
    ]);
  });

  test('the allowlist baked into a compiled cookie filter is read from its code', () => {
    const code = compileCookieFilter('viewer-response', cookiePolicy(estateConfig.sites.appman!, 'example.org'));
    expect(functionAllowlist(code)).toEqual(['csrftoken', 'sessionid', 'messages']);
    expect(functionAllowlist('function handler(e){return e.request}')).toBeUndefined();
  });

  test('a log bucket kept longer than disclosed fails, naming bucket, rule and days', () => {
    const s = drifted((all) => {
      const bucket = firstOfType(stack(all, '-Logs'), 'AWS::S3::Bucket');
      bucket.Properties.LifecycleConfiguration.Rules[0].ExpirationInDays = 90;
    });
    expect(disclosureDrift(s, disclosure)).toEqual([
      expect.stringMatching(/-Logs\/\w+: lifecycle rule "expire-logs" ExpirationInDays is 90 days, longer than the 30 days the disclosure promises for logs/),
    ]);
  });

  test('a log group kept longer than disclosed, or forever, fails', () => {
    const longer = drifted((all) => {
      firstOfType(stack(all, '-MainSite'), 'AWS::Logs::LogGroup').Properties.RetentionInDays = 365;
    });
    expect(disclosureDrift(longer, disclosure)).toEqual([expect.stringContaining('RetentionInDays is 365 days, longer than the 30 days')]);
    const forever = drifted((all) => {
      delete firstOfType(stack(all, '-MainSite'), 'AWS::Logs::LogGroup').Properties.RetentionInDays;
    });
    expect(disclosureDrift(forever, disclosure)).toEqual([expect.stringContaining('RetentionInDays is not set, so logs are kept forever')]);
  });

  test('backups kept longer than disclosed fail (AWS Backup plan, RDS)', () => {
    const s = drifted((all) => {
      const r = stack(all, '-MainSite').template.Resources as Record<string, any>;
      r.Plan = { Type: 'AWS::Backup::BackupPlan', Properties: { BackupPlan: { BackupPlanRule: [{ RuleName: 'daily', Lifecycle: { DeleteAfterDays: 35 } }] } } };
      r.Db = { Type: 'AWS::RDS::DBInstance', Properties: { BackupRetentionPeriod: 7 } };
    });
    expect(disclosureDrift(s, disclosure)).toEqual([
      expect.stringContaining('backup rule "daily" DeleteAfterDays is 35 days, longer than the 14 days the disclosure promises for backups'),
    ]);
  });

  describe('Appman sessions against the disclosed server-side lifetime', () => {
    const appman = (all: SynthesizedStack[]) => stack(all, '-Appman').template.Resources as Record<string, any>;
    const ofType = (all: SynthesizedStack[], type: string) => Object.values(appman(all)).filter((r: any) => r.Type === type) as any[];
    const sessionAge = (container: any) => container.Environment.find((e: any) => e.Name === 'DJANGO_SESSION_COOKIE_AGE');

    test('both Django task definitions are checked, and the schedule is found', () => {
      const tasks = ofType(stacks, 'AWS::ECS::TaskDefinition').flatMap((t) => t.Properties.ContainerDefinitions);
      expect(tasks.map((c) => sessionAge(c)?.Value)).toEqual([String(14 * 86400), String(14 * 86400)]);
      expect(disclosure.sites.find((x) => x.key === 'appman')!.serverSessionDays).toBe(14);
    });

    test('a SESSION_COOKIE_AGE longer than disclosed fails, naming the container', () => {
      const s = drifted((all) => {
        sessionAge(ofType(all, 'AWS::ECS::TaskDefinition')[0].Properties.ContainerDefinitions[0]).Value = String(30 * 86400);
      });
      expect(disclosureDrift(s, disclosure)).toEqual([
        expect.stringMatching(/-Appman\/\w+ container "App": DJANGO_SESSION_COOKIE_AGE is 2592000 seconds \(30\.0 days\), longer than the 14 days/),
      ]);
    });

    test('a Django container without SESSION_COOKIE_AGE fails: the app default would decide', () => {
      const s = drifted((all) => {
        const c = ofType(all, 'AWS::ECS::TaskDefinition')[0].Properties.ContainerDefinitions[0];
        c.Environment = c.Environment.filter((e: any) => e.Name !== 'DJANGO_SESSION_COOKIE_AGE');
      });
      expect(disclosureDrift(s, disclosure)).toEqual([expect.stringContaining('DJANGO_SESSION_COOKIE_AGE is not set')]);
    });

    test.each([
      ['a disabled schedule', (r: any) => (r.Properties.State = 'DISABLED'), 'is DISABLED'],
      ['a weekly cron', (r: any) => (r.Properties.ScheduleExpression = 'cron(17 3 ? * MON *)'), 'less often than the daily run'],
      ['a two-day rate', (r: any) => (r.Properties.ScheduleExpression = 'rate(2 days)'), 'less often than the daily run'],
      ['a one-off run', (r: any) => (r.Properties.ScheduleExpression = 'at(2026-12-01T03:00:00)'), 'less often than the daily run'],
    ])('%s fails: expired sessions would stay', (_what, edit, message) => {
      const s = drifted((all) => edit(ofType(all, 'AWS::Scheduler::Schedule')[0]));
      const problems = disclosureDrift(s, disclosure);
      expect(problems).toEqual([expect.stringContaining(message), expect.stringContaining('no enabled schedule runs a clearsessions task at least daily')]);
    });

    test('a schedule that runs some other task does not count as the cleanup', () => {
      const s = drifted((all) => {
        const task = ofType(all, 'AWS::ECS::TaskDefinition').find((t) => t.Properties.ContainerDefinitions[0].Command);
        task.Properties.ContainerDefinitions[0].Command = ['python', 'manage.py', 'check'];
      });
      expect(disclosureDrift(s, disclosure)).toEqual([expect.stringContaining('no enabled schedule runs a clearsessions task at least daily')]);
    });

    test('hourly and daily expressions are daily enough', () => {
      for (const ok of ['rate(1 day)', 'rate(6 hours)', 'rate(30 minutes)', 'cron(17 3 * * ? *)', 'cron(0 */6 ? * * *)']) {
        expect([ok, atLeastDaily(ok)]).toEqual([ok, true]);
      }
      for (const bad of ['rate(25 hours)', 'rate(0 minutes)', 'cron(0 3 1 * ? *)', 'cron(0 3 ? * MON-FRI *)', 'cron(0 3 * * ? 2027)', '', undefined]) {
        expect([bad, atLeastDaily(bad)]).toEqual([bad, false]);
      }
    });
  });

  test('a data-holding stack in a region other than the disclosed one fails', () => {
    const s = drifted((all) => {
      (stack(all, '-Logs') as { region: string }).region = 'us-east-1';
    });
    expect(disclosureDrift(s, disclosure)).toEqual([
      expect.stringMatching(/-Logs: deploys to region "us-east-1" but the disclosure says the sites are hosted in eu-west-1; it holds \w+ \(AWS::S3::Bucket\)/),
    ]);
  });

  test('a site disclosed in another region than its distribution stack fails', () => {
    const elsewhere: Disclosure = { ...disclosure, sites: disclosure.sites.map((x) => ({ ...x, region: 'eu-central-1' })) };
    const problems = disclosureDrift(stacks, elsewhere);
    expect(problems).toContainEqual(expect.stringMatching(/-MainSite\/\w+: serves site "main" from a stack in region "eu-west-1", but the disclosure says it is hosted in "eu-central-1"/));
  });
});
