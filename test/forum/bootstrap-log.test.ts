import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DISCOURSE_DOCKER_COMMIT, FORUM_LOG_FILES, forumUserData, REDACT_SCRIPT, SECRET_ENV_NAMES } from '../../lib/forum/user-data';

/**
 * The logging path of the generated user data (everything before its first
 * echo), run by the real bash and sed over the shapes discourse_docker's launcher
 * prints: `set -x` before `docker run ... -e NAME=value` (launcher, run_start)
 * and `echo "${env[@]}"` on a YAML error (launcher, set_template_info). The
 * SMTP credentials are no longer in app.yml's env (launcher-env-dump.test.ts), so
 * launcher itself does not print them; the redaction stays for anything else that
 * prints `NAME=value`. The xtrace lines are produced by bash itself.
 */
const SMTP_USER = 'AKIAIOSFODNN7EXAMPLE';
// An SES SMTP password: base64 with '+', '/' and '=' (version byte 0x04 + HMAC-SHA256).
const SMTP_PASSWORD = 'BNq7/xZ+Fq3Lw9fE0kVbW2cYp1Hn+Tg5Rm8sJ4aUoD/e';

function userData(): string {
  return forumUserData({
    region: 'eu-west-1',
    appYml: 'env: {}\n',
    dataVolumeId: 'vol-0123',
    dataDevice: '/dev/sdf',
    logGroupName: 'forum-logs',
    localLogDays: 1,
    swapGiB: 2,
    smtpSecretArn: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:smtp',
  });
}

/** The launcher's output, as bash's xtrace and echo print it. */
const LAUNCHER_TRANSCRIPT = [
  'env=(-e LANG=en_US.UTF-8 -e DISCOURSE_HOSTNAME=forum.example.org',
  `  -e DISCOURSE_SMTP_USER_NAME=${SMTP_USER} -e DISCOURSE_SMTP_PASSWORD=${SMTP_PASSWORD}`,
  '  -e DISCOURSE_SMTP_ADDRESS=email-smtp.eu-west-1.amazonaws.com)',
  'docker_path=true',
  '( set -x; $docker_path run --shm-size=512m --restart=always "${env[@]}" -h host-app -e DOCKER_HOST_IP=172.17.0.1 --name app -t local_discourse/app /sbin/boot )',
  'echo "${env[@]}"',
  // A pups or YAML error that dumps the container definition.
  `printf '  DISCOURSE_SMTP_PASSWORD: "%s"\\n  DISCOURSE_SMTP_USER_NAME: %s\\n' '${SMTP_PASSWORD}' '${SMTP_USER}' >&2`,
].join('\n');

describe('bootstrap log: the SMTP credentials never reach a log the host ships or keeps', () => {
  let dir: string;
  let shipped: string;
  let cloudInit: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'forum-bootstrap-log-'));
    const script = userData();
    const prelude = script.slice(0, script.indexOf('echo "forum bootstrap: start'));
    expect(prelude).toContain('exec >');
    const logFile = path.join(dir, 'forum-bootstrap.log');
    const harness = [
      prelude.split(FORUM_LOG_FILES.bootstrap).join(logFile).split(REDACT_SCRIPT).join(path.join(dir, 'redact.sed')),
      LAUNCHER_TRANSCRIPT,
      // Close the pipe and wait for sed and tee to finish writing.
      'exec 1>&- 2>&-; wait $!',
    ].join('\n');
    const run = spawnSync('bash', ['-c', harness], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    shipped = fs.readFileSync(logFile, 'utf8');
    cloudInit = run.stdout + run.stderr; // what cloud-init keeps in cloud-init-output.log
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the transcript went through the logging path (xtrace line, echo line, YAML dump)', () => {
    expect(shipped).toMatch(/^\+ true run --shm-size=512m .*--name app/m);
    expect(shipped).toContain('DISCOURSE_HOSTNAME=forum.example.org');
    expect(shipped).toContain('DISCOURSE_SMTP_ADDRESS=email-smtp.eu-west-1.amazonaws.com');
    expect(shipped).toContain('DISCOURSE_SMTP_PASSWORD: "[redacted]"');
    expect(cloudInit).toBe(shipped);
  });

  test.each([
    ['the shipped bootstrap log', () => shipped],
    ["cloud-init's output log", () => cloudInit],
  ])('%s holds no SMTP user name or password, only [redacted]', (_name, text) => {
    expect(text()).not.toContain(SMTP_PASSWORD);
    expect(text()).not.toContain(SMTP_USER);
    for (const name of SECRET_ENV_NAMES) {
      expect(text()).toContain(`${name}=[redacted]`);
      expect(text().match(new RegExp(`${name}[=:] *"?([^\\s"]+)`, 'g'))!.every((m) => m.endsWith('[redacted]'))).toBe(true);
    }
  });

  test('without the redaction the same transcript would leak (the test can fail)', () => {
    const script = userData();
    const prelude = script.slice(0, script.indexOf('echo "forum bootstrap: start'));
    const unfiltered = prelude.replace(/sed -u -E -f \S+ \| /, '');
    expect(unfiltered).not.toEqual(prelude);
    const run = spawnSync('bash', ['-c', [unfiltered.split(FORUM_LOG_FILES.bootstrap).join('/dev/null').split(REDACT_SCRIPT).join(path.join(dir, 'r.sed')), LAUNCHER_TRANSCRIPT, 'exec 1>&- 2>&-; wait $!'].join('\n')], {
      encoding: 'utf8',
    });
    expect(run.stdout + run.stderr).toContain(SMTP_PASSWORD);
  });

  test('discourse_docker is checked out at a pinned commit, detached (the launcher does not update itself)', () => {
    expect(DISCOURSE_DOCKER_COMMIT).toMatch(/^[0-9a-f]{40}$/);
    const script = userData();
    expect(script).toContain(`checkout --detach ${DISCOURSE_DOCKER_COMMIT}`);
    expect(script.indexOf(`checkout --detach ${DISCOURSE_DOCKER_COMMIT}`)).toBeLessThan(script.indexOf('./launcher rebuild app'));
    expect(script).not.toContain('--depth 1');
  });
});
