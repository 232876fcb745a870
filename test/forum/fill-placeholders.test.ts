import { execFileSync, spawnSync } from 'child_process';
import { createHmac } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { APP_YML_PLACEHOLDERS, forumAppYml } from '../../lib/forum/app-yml';
import { FILL_PLACEHOLDERS_PY } from '../../lib/forum/fill-placeholders';

/**
 * The boot-time filler runs in the real python3. The AWS CLI it calls cannot
 * reach AWS here, so a stand-in `aws` on PATH prints the values SSM and Secrets
 * Manager would return.
 */
const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const KEY_ID = 'AKIAIOSFODNN7EXAMPLE';

/** SES's documented SMTP password derivation, written independently in Node. */
function sesSmtpPassword(secretKey: string, region: string): string {
  let sig = createHmac('sha256', `AWS4${secretKey}`).update('11111111').digest();
  for (const part of [region, 'ses', 'aws4_request', 'SendRawEmail']) sig = createHmac('sha256', sig).update(part).digest();
  return Buffer.concat([Buffer.from([0x04]), sig]).toString('base64');
}

function workdir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'forum-fill-'));
  fs.writeFileSync(path.join(dir, 'fill.py'), FILL_PLACEHOLDERS_PY);
  const aws = [
    '#!/bin/sh',
    'case "$*" in',
    `  *get-parameter*) echo 'forum-d111111abcdef8.cloudfront.net' ;;`,
    `  *get-secret-value*) echo '${JSON.stringify({ accessKeyId: KEY_ID, secretAccessKey: SECRET_KEY })}' ;;`,
    '  *) exit 1 ;;',
    'esac',
  ].join('\n');
  fs.writeFileSync(path.join(dir, 'aws'), aws, { mode: 0o755 });
  return dir;
}

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

/** The interpreter itself, not a version-manager shim that would put its own `aws` first on PATH. */
const PYTHON = execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim();

const smtp = { address: 'email-smtp.eu-west-1.amazonaws.com', domain: 'forum.example.org', notificationEmail: 'noreply@forum.example.org' };

test('python derives the same SES SMTP password as an independent implementation', () => {
  const dir = workdir();
  const py = `exec(open(${JSON.stringify(path.join(dir, 'fill.py'))}).read().split("if __name__")[0]); print(smtp_password(${JSON.stringify(SECRET_KEY)}, "eu-west-1"))`;
  const out = execFileSync(PYTHON, ['-c', py], { encoding: 'utf8' }).trim();
  expect(out).toBe(sesSmtpPassword(SECRET_KEY, 'eu-west-1'));
  expect(Buffer.from(out, 'base64')[0]).toBe(0x04);
});

test('fills credentials and host name into valid YAML, readable only by root', () => {
  const dir = workdir();
  const appYml = forumAppYml({ hostname: APP_YML_PLACEHOLDERS.hostname, adminEmails: ['a@example.org'], smtp });
  const { run, file } = fill(dir, appYml, { HOSTNAME_PARAMETER: '/Estate/forum/hostname', SMTP_SECRET_ARN: 'arn:secret' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const env = parse(fs.readFileSync(file, 'utf8'), { version: '1.1' }).env;
  expect(env.DISCOURSE_HOSTNAME).toBe('forum-d111111abcdef8.cloudfront.net');
  expect(env.DISCOURSE_SMTP_USER_NAME).toBe(KEY_ID);
  // The password holds `+`, `/` and `=`: it must survive as one YAML string.
  expect(env.DISCOURSE_SMTP_PASSWORD).toBe(sesSmtpPassword(SECRET_KEY, 'eu-west-1'));
  expect(fs.statSync(file).mode & 0o777).toBe(0o600);
});

test('a placeholder left without a value stops the boot with its name', () => {
  const dir = workdir();
  const appYml = forumAppYml({ hostname: 'forum.example.org', adminEmails: ['a@example.org'], smtp });
  const { run } = fill(dir, appYml, {});
  expect(run.status).not.toBe(0);
  expect(run.stderr).toContain('placeholders without a value: @@SMTP_USER_NAME@@, @@SMTP_PASSWORD@@');
});
