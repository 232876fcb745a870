import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { APP_YML_PLACEHOLDERS, forumAppYml } from '../../lib/forum/app-yml';
import { fillWorkdir as workdir, KEY_ID, PYTHON, SECRET_KEY, sesSmtpPassword } from './fill-harness';
import { dockerEnvFile } from './launcher-stand-in';

function fill(dir: string, appYml: string, env: Record<string, string>) {
  const file = path.join(dir, 'app.yml');
  fs.writeFileSync(file, appYml);
  const run = spawnSync(PYTHON, [path.join(dir, 'fill.py'), file], {
    env: { PATH: `${dir}:${process.env.PATH}`, AWS_REGION: 'eu-west-1', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { run, file };
}

const smtp = { address: 'email-smtp.eu-west-1.amazonaws.com', domain: 'forum.example.org', notificationEmail: 'noreply@forum.example.org' };

test('python derives the same SES SMTP password as an independent implementation', () => {
  const dir = workdir();
  const py = `exec(open(${JSON.stringify(path.join(dir, 'fill.py'))}).read().split("if __name__")[0]); print(smtp_password(${JSON.stringify(SECRET_KEY)}, "eu-west-1"))`;
  const out = execFileSync(PYTHON, ['-c', py], { encoding: 'utf8' }).trim();
  expect(out).toBe(sesSmtpPassword(SECRET_KEY, 'eu-west-1'));
  expect(Buffer.from(out, 'base64')[0]).toBe(0x04);
});

test('fills the host name into valid YAML and the credentials into a root-only env file, never into app.yml', () => {
  const dir = workdir();
  const appYml = forumAppYml({ hostname: APP_YML_PLACEHOLDERS.hostname, adminEmails: ['a@example.org'], smtp });
  const envFile = path.join(dir, 'etc', 'forum', 'smtp.env');
  const { run, file } = fill(dir, appYml, { HOSTNAME_PARAMETER: '/Estate/forum/hostname', SMTP_SECRET_ARN: 'arn:secret', SMTP_ENV_FILE: envFile });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const text = fs.readFileSync(file, 'utf8');
  const env = parse(text, { version: '1.1' }).env;
  expect(env.DISCOURSE_HOSTNAME).toBe('forum-d111111abcdef8.cloudfront.net');
  expect(text).not.toContain(KEY_ID);
  expect(text).not.toContain(sesSmtpPassword(SECRET_KEY, 'eu-west-1'));
  expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  // The password holds `+`, `/` and `=`: Docker passes env-file values through untouched.
  expect(dockerEnvFile(fs.readFileSync(envFile, 'utf8'))).toEqual({
    DISCOURSE_SMTP_USER_NAME: KEY_ID,
    DISCOURSE_SMTP_PASSWORD: sesSmtpPassword(SECRET_KEY, 'eu-west-1'),
  });
  expect(fs.statSync(envFile).mode & 0o777).toBe(0o600);
  expect(fs.statSync(path.dirname(envFile)).mode & 0o777).toBe(0o700);
});

test('an env file left from an earlier boot is made root-only again before the credentials are written', () => {
  const dir = workdir();
  const envFile = path.join(dir, 'etc', 'forum', 'smtp.env');
  fs.mkdirSync(path.dirname(envFile), { recursive: true, mode: 0o755 });
  fs.writeFileSync(envFile, 'OLD=1\n', { mode: 0o644 });
  const { run } = fill(dir, forumAppYml({ hostname: 'forum.example.org', adminEmails: ['a@example.org'], smtp }), {
    SMTP_SECRET_ARN: 'arn:secret',
    SMTP_ENV_FILE: envFile,
  });
  expect(run.status).toBe(0);
  expect(fs.statSync(envFile).mode & 0o777).toBe(0o600);
  expect(fs.statSync(path.dirname(envFile)).mode & 0o777).toBe(0o700);
  expect(Object.keys(dockerEnvFile(fs.readFileSync(envFile, 'utf8')))).toEqual(['DISCOURSE_SMTP_USER_NAME', 'DISCOURSE_SMTP_PASSWORD']);
});

test('a secret without an env file to write it to stops the boot, naming both variables', () => {
  const dir = workdir();
  const { run } = fill(dir, forumAppYml({ hostname: 'forum.example.org', adminEmails: ['a@example.org'], smtp }), { SMTP_SECRET_ARN: 'arn:secret' });
  expect(run.status).not.toBe(0);
  expect(run.stderr).toContain('SMTP_SECRET_ARN is set without SMTP_ENV_FILE');
});

test('a placeholder left without a value stops the boot with its name', () => {
  const dir = workdir();
  const appYml = forumAppYml({ hostname: APP_YML_PLACEHOLDERS.hostname, adminEmails: ['a@example.org'], smtp });
  const { run } = fill(dir, appYml, {});
  expect(run.status).not.toBe(0);
  expect(run.stderr).toContain('placeholders without a value: @@FORUM_HOSTNAME@@');
});
