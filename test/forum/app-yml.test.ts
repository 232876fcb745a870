import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse, parseDocument } from 'yaml';
import { estateConfig } from '../../estate.config';
import { APP_YML_PLACEHOLDERS, forumAppYml } from '../../lib/forum/app-yml';
import { assertCspAddsNoHost, forumPrivacySettings, privacySettingsScript } from '../../lib/forum/privacy-settings';
import { SMTP_ENV_FILE } from '../../lib/forum/smtp-env-file';
import { buildForum, withDomain } from './build';

/** Google Analytics (UA-/G-) and Tag Manager ids. */
const ANALYTICS_ID = /\b(UA-\d{4,}-\d+|G-[A-Z0-9]{6,}|GTM-[A-Z0-9]{4,})\b/;
/** AWS access key ids and anything looking like a 40-character secret key. */
const AWS_SECRET = /\b(AKIA|ASIA)[A-Z0-9]{16}\b|\b[A-Za-z0-9/+]{40}\b/;

describe('app.yml of the estate with a domain', () => {
  const { stack } = buildForum(withDomain());
  const text = stack.appYml;
  const doc = parseDocument(text, { version: '1.1' });
  const yml = doc.toJS();
  const env = yml.env as Record<string, unknown>;
  const script: string = yml.hooks.after_db_migrate[0].file.contents;

  test('is one YAML 1.1 document without errors (pups reads it with Psych)', () => {
    expect(doc.errors).toEqual([]);
    expect(doc.warnings).toEqual([]);
  });

  test('uses the official templates and exposes plain HTTP for the VPC origin only', () => {
    expect(yml.templates).toEqual(['templates/postgres.template.yml', 'templates/redis.template.yml', 'templates/web.template.yml']);
    // Quoted: unquoted 80:80 is the integer 4880 in YAML 1.1.
    expect(yml.expose).toEqual(['80:80']);
    expect(text).toContain('- "80:80"');
  });

  test('hostname, admins and HTTPS come from the estate config', () => {
    expect(env.DISCOURSE_HOSTNAME).toBe('forum.example.org');
    expect(env.DISCOURSE_DEVELOPER_EMAILS).toBe(estateConfig.sites.forum!.adminEmails.join(','));
    expect(env.DISCOURSE_FORCE_HTTPS).toBe(true);
  });

  test('mail goes through SES in the estate region with STARTTLS, from the forum host name', () => {
    expect(env.DISCOURSE_SMTP_ADDRESS).toBe(`email-smtp.${estateConfig.region}.amazonaws.com`);
    expect(env.DISCOURSE_SMTP_PORT).toBe(587);
    expect(env.DISCOURSE_SMTP_ENABLE_START_TLS).toBe(true);
    expect(env.DISCOURSE_SMTP_DOMAIN).toBe('forum.example.org');
    expect(env.DISCOURSE_NOTIFICATION_EMAIL).toBe('noreply@forum.example.org');
  });

  test('holds no secret: the SMTP credentials come from a root-only env file Docker reads, not from env', () => {
    // launcher prints env to a shipped log on every rebuild (smtp-env-file.ts).
    expect(Object.keys(env).filter((k) => /USER_NAME|PASSWORD|SECRET|TOKEN|KEY/.test(k))).toEqual([]);
    expect(text).not.toMatch(/@@SMTP_/);
    expect(yml.docker_args).toBe(`--env-file ${SMTP_ENV_FILE}`);
    expect(text).not.toMatch(AWS_SECRET);
  });

  test('no analytics, tag-manager or MaxMind settings', () => {
    expect(text).not.toMatch(ANALYTICS_ID);
    expect(Object.keys(env).filter((k) => /MAXMIND|GA_|GTM|ANALYTICS|TRACKING/i.test(k))).toEqual([]);
  });

  test('every privacy site setting is applied after each migration and read back', () => {
    const settings = forumPrivacySettings();
    expect(settings.log_anonymizer_details.value).toBe(false);
    expect(settings.ga_universal_tracking_code.value).toBe('');
    expect(settings.gtm_container_id.value).toBe('');
    expect(settings.automatically_download_gravatars.value).toBe(false);
    for (const [name, s] of Object.entries(settings)) {
      expect(script).toContain(`"${name}" => ${JSON.stringify(s.value)},`);
    }
    expect(script).toContain('SiteSetting.set(name, value)');
    expect(script).toMatch(/raise "privacy setting #\{name\}: is/);
    expect(yml.hooks.after_db_migrate[1].exec.cmd).toEqual([
      "su discourse -c 'bundle exec rails runner /tmp/forum-privacy-settings.rb'",
    ]);
  });

  test('only optional settings may be absent from a Discourse version; the rest abort the rebuild', () => {
    const optional = Object.entries(forumPrivacySettings()).filter(([, s]) => s.ifPresent).map(([n]) => n);
    expect(optional).not.toContain('log_anonymizer_details');
    expect(optional).not.toContain('ga_universal_tracking_code');
    expect(script).toContain(`optional = [${optional.map((n) => JSON.stringify(n)).join(', ')}]`);
  });

  test('the container keeps one rotated copy of its logs (they are shipped off the host)', () => {
    expect(yml.run.filter((c: any) => c.replace?.filename.startsWith('/etc/logrotate.d/'))).toEqual([
      { replace: { filename: '/etc/logrotate.d/rails', from: '/rotate \\d+/', to: 'rotate 1' } },
      { replace: { filename: '/etc/logrotate.d/nginx', from: '/rotate \\d+/', to: 'rotate 1' } },
    ]);
  });
});

describe('app.yml of the estate without a domain', () => {
  const { stack } = buildForum();
  const env = parse(stack.appYml, { version: '1.1' }).env as Record<string, unknown>;

  test('the host name is read at boot and no mail is configured (no verified domain to send from)', () => {
    expect(env.DISCOURSE_HOSTNAME).toBe(APP_YML_PLACEHOLDERS.hostname);
    expect(Object.keys(env).filter((k) => k.startsWith('DISCOURSE_SMTP'))).toEqual([]);
    expect(parse(stack.appYml, { version: '1.1' }).docker_args).toBeUndefined();
  });
});

test('an empty admin list is rejected naming the field and the fix', () => {
  expect(() => forumAppYml({ hostname: 'forum.example.org', adminEmails: [] })).toThrow(
    /sites\.forum\.adminEmails: empty; list at least one address/,
  );
});

describe('app.yml: HTTPS reaches Rails through Discourse\'s nginx', () => {
  const yml = parse(forumAppYml({ hostname: 'forum.example.org', adminEmails: ['admin@example.org'] }), { version: '1.1' });
  const replace = yml.run.find((c: any) => c.replace?.filename === '/etc/nginx/conf.d/discourse.conf')?.replace;
  const check = yml.run.find((c: any) => c.exec?.cmd?.some((cmd: string) => cmd.includes('/etc/nginx/conf.d/discourse.conf')))?.exec.cmd[0];

  /** pups ReplaceCommand: Ruby String#gsub with a plain-string `from` replaces every literal occurrence. */
  const pupsReplace = (text: string) => text.split(replace.from).join(replace.to);

  test('the map Discourse\'s nginx reads the scheme from is rewritten to CloudFront\'s own header', () => {
    // The shape of the map in discourse/discourse config/nginx.sample.conf (site copied by web.template.yml).
    const site = 'map $http_x_forwarded_proto $thescheme {\n  default $scheme;\n  "~https$" https;\n}\nproxy_set_header X-Forwarded-Proto $thescheme;\n';
    const out = pupsReplace(site);
    expect(out).toContain('map $http_cloudfront_forwarded_proto $thescheme {');
    expect(out).not.toContain('$http_x_forwarded_proto');
    // Rails still receives X-Forwarded-Proto, now from the header a viewer cannot set.
    expect(out).toContain('proxy_set_header X-Forwarded-Proto $thescheme;');
    // Not a regular expression (pups evaluates a `from` starting with "/" as one).
    expect(replace.from.startsWith('/')).toBe(false);
  });

  test('runs after the templates copy the site, and the rebuild fails if the map was not found', () => {
    expect(yml.run.indexOf(yml.run.find((c: any) => c.replace === replace))).toBeLessThan(yml.run.findIndex((c: any) => c.exec?.cmd?.[0] === check));
    const sh = (site: string) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'forum-nginx-'));
      try {
        fs.writeFileSync(path.join(dir, 'discourse.conf'), site);
        return spawnSync('sh', ['-c', check.split('/etc/nginx/conf.d/discourse.conf').join(path.join(dir, 'discourse.conf'))]).status;
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    };
    expect(sh(pupsReplace('map $http_x_forwarded_proto $thescheme {\n}\n'))).toBe(0);
    expect(sh('map $http_x_forwarded_scheme $thescheme {\n}\n')).not.toBe(0);
  });
});

describe('privacy settings real Discourse would otherwise leave on', () => {
  const settings = forumPrivacySettings();
  const script = privacySettingsScript();

  test.each(['gravatar_enabled', 'enable_discourse_id', 'enable_linkedin_oidc_logins'])(
    '%s is pinned off, applied only where the Discourse version has it, citing the source that names it',
    (name) => {
      expect(settings[name].value).toBe(false);
      expect(settings[name].ifPresent).toBe(true);
      expect(settings[name].source).toMatch(new RegExp(`^discourse/discourse config/site_settings\\.yml \\(\\w+: ${name}\\)`));
      expect(script).toContain(`"${name}" => false,`);
      expect(script).toMatch(new RegExp(`optional = \\[.*"${name}".*\\]`));
    },
  );

  test('local logins are restored on every rebuild (the Discourse ID setup path turns them off)', () => {
    expect(settings.enable_local_logins).toMatchObject({ value: true });
    expect(settings.enable_local_logins.ifPresent).toBeUndefined();
    expect(script).toContain('"enable_local_logins" => true,');
  });
});

describe("Discourse's own CSP: kept, and its settings add no host (checked at synth)", () => {
  const settings = forumPrivacySettings();

  test('the CSP is on and enforced, with no extra script source', () => {
    expect(settings.content_security_policy.value).toBe(true);
    expect(settings.content_security_policy_report_only.value).toBe(false);
    expect(settings.content_security_policy_script_src.value).toBe('');
    expect(() => assertCspAddsNoHost(settings)).not.toThrow();
  });

  test.each(['https://cdn.example.net', "'unsafe-eval'", '*'])('a CSP setting listing %s fails synth, naming the setting and the fix', (source) => {
    const bad = { ...settings, content_security_policy_script_src: { ...settings.content_security_policy_script_src, value: source } };
    expect(() => privacySettingsScript(bad)).toThrow(/content_security_policy_script_src: .* adds sources .*set it to ''/);
  });

  test('turning the CSP off fails synth', () => {
    const off = { ...settings, content_security_policy: { ...settings.content_security_policy, value: false } };
    expect(() => assertCspAddsNoHost(off)).toThrow(/content_security_policy: must be true/);
  });
});
