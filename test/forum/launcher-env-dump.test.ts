import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { FILL_SCRIPT, FORUM_LOG_FILES, forumUserData, REDACT_SCRIPT } from '../../lib/forum/user-data';
import { withDomain, buildForum } from './build';
import { fillWorkdir, KEY_ID, PYTHON, SECRET_KEY, sesSmtpPassword } from './fill-harness';
import { dockerEnvFile, launcherDockerArgs, launcherEnvDump, launcherTemplateInput } from './launcher-stand-in';

/**
 * Everything a rebuild ships to CloudWatch Logs, over the real app.yml after the real
 * boot-time filler ran:
 * - Docker's default log driver (awslogs, /etc/docker/daemon.json in the user data) ships the
 *   stdout of every container, including launcher's throw-away env container, which prints
 *   app.yml's env as `-e\nKEY=value` (launcher-stand-in.ts), and on a non-syntax YAML error
 *   the whole app.yml (launcher line 393, `puts yml`);
 * - the CloudWatch agent ships /var/log/forum-bootstrap.log: launcher's own output, including
 *   its `set -x` of the app container's `docker run` (launcher line 681) and the
 *   `echo "${env[@]}"` of a YAML error (line 419), after the user data's redaction;
 * - cloud-init keeps the same output in cloud-init-output.log.
 * The SMTP credentials may appear in none of them.
 */
const REGION = 'eu-west-1';
const PASSWORD = sesSmtpPassword(SECRET_KEY, REGION);
const ENV_SHIPPED_BY_DOCKER = '"log-driver": "awslogs"';

describe('a rebuild ships no SMTP credential to CloudWatch Logs', () => {
  const { stack } = buildForum(withDomain());
  const userData = forumUserData({
    region: REGION,
    appYml: stack.appYml,
    dataVolumeId: 'vol-0123',
    dataDevice: '/dev/sdf',
    logGroupName: 'forum-logs',
    localLogDays: 1,
    swapGiB: 2,
    smtpSecretArn: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:smtp',
  });
  const dir = fillWorkdir();
  /** Host paths the boot script writes, moved into the test folder. */
  const onHost = (text: string) =>
    text
      .split('/root/fill-placeholders.py').join(path.join(dir, 'fill.py'))
      .split('/var/discourse/containers/app.yml').join(path.join(dir, 'app.yml'))
      .replace(/(^|[\s'"=])\/etc\/forum\//g, `$1${dir}/etc/forum/`);

  // The fill script the user data writes, run as the boot runs it (python3 from PATH, the stand-in aws first).
  fs.writeFileSync(path.join(dir, 'app.yml'), stack.appYml);
  const fillScript = new RegExp(`cat > ${FILL_SCRIPT} <<'SH'\\n([\\s\\S]*?)\\nSH\\n`).exec(userData)![1];
  // --norc: bash reads ~/.bashrc when its stdin is a socket (Node's pipes), as for a remote shell.
  const fill = spawnSync('bash', ['--norc', '-c', onHost(fillScript).replace('python3 ', `${PYTHON} `)], {
    env: { PATH: `${dir}:${process.env.PATH}` },
    encoding: 'utf8',
  });
  const filledAppYml = fs.readFileSync(path.join(dir, 'app.yml'), 'utf8');
  const envDump = launcherEnvDump(launcherTemplateInput(filledAppYml));
  const dockerArgs = onHost(launcherDockerArgs(filledAppYml));

  /** launcher's own output (run_start, set_template_info) through the user data's logging lines. */
  function bootstrapTranscript(): { shipped: string; cloudInit: string } {
    const logFile = path.join(dir, 'forum-bootstrap.log');
    const prelude = userData.slice(0, userData.indexOf('echo "forum bootstrap: start'));
    fs.writeFileSync(path.join(dir, 'env-dump'), envDump);
    const harness = [
      prelude.split(FORUM_LOG_FILES.bootstrap).join(logFile).split(REDACT_SCRIPT).join(path.join(dir, 'redact.sed')),
      // launcher lines 408–416: the env container's lines become the `env` array.
      `raw=$(cat ${path.join(dir, 'env-dump')})`,
      'env=(); ok=1',
      'while read i; do if [ "$i" == "*ERROR." ]; then ok=0; elif [ -n "$i" ]; then env[${#env[@]}]="$i"; fi; done <<< "$raw"',
      `user_args=${JSON.stringify(` ${dockerArgs}`)}`,
      'docker_path=true',
      // launcher lines 679–683: the app container's run, under set -x.
      '( set -x; $docker_path run --shm-size=512m --restart=always "${env[@]}" -h host-app -e DOCKER_HOST_IP=172.17.0.1 --name app -t $user_args local_discourse/app /sbin/boot )',
      // launcher line 419: a YAML error prints the env array.
      'echo "${env[@]}"',
      'exec 1>&- 2>&-; wait $!',
    ].join('\n');
    const run = spawnSync('bash', ['-c', harness], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    return { shipped: fs.readFileSync(logFile, 'utf8'), cloudInit: run.stdout + run.stderr };
  }

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the boot fill ran, and the env container\'s stdout is shipped (Docker\'s default driver is awslogs)', () => {
    expect(fillScript).toMatch(/^#!\/bin\/bash\nset -euo pipefail\n.*SMTP_ENV_FILE=.* python3 \/root\/fill-placeholders.py /m);
    expect(fill.stderr).toBe('');
    expect(fill.status).toBe(0);
    expect(userData).toContain(ENV_SHIPPED_BY_DOCKER);
    // The dump has launcher's shape and carries app.yml's env.
    expect(envDump).toMatch(/^-e\nLANG=en_US\.UTF-8\n-e\n/);
    expect(envDump).toContain('-e\nDISCOURSE_HOSTNAME=forum.example.org\n');
    expect(envDump).toContain(`-e\nDISCOURSE_SMTP_ADDRESS=email-smtp.${REGION}.amazonaws.com\n`);
  });

  test("launcher's env container prints neither SMTP credential (shipped by awslogs on every rebuild)", () => {
    expect(envDump).not.toContain(PASSWORD);
    expect(envDump).not.toContain(KEY_ID);
    expect(envDump).not.toMatch(/DISCOURSE_SMTP_(USER_NAME|PASSWORD)/);
  });

  test('app.yml, which launcher prints whole on a YAML error, holds no SMTP credential after the boot fill', () => {
    expect(filledAppYml).not.toContain(PASSWORD);
    expect(filledAppYml).not.toContain(KEY_ID);
  });

  test('the bootstrap log and cloud-init output hold neither credential', () => {
    const { shipped, cloudInit } = bootstrapTranscript();
    expect(shipped).toMatch(/^\+ true run --shm-size=512m .*--name app/m);
    for (const text of [shipped, cloudInit]) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(KEY_ID);
    }
  });

  test('Discourse still gets both: the file app.yml hands Docker with --env-file, readable only by root', () => {
    const match = /^--env-file (\S+)$/.exec(dockerArgs.trim());
    expect(match).not.toBeNull();
    const envFile = match![1];
    expect(envFile.startsWith(dir)).toBe(true);
    expect(fs.statSync(envFile).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(envFile)).mode & 0o777).toBe(0o700);
    // Docker passes each value through untouched: the password's `+`, `/` and `=` must arrive as they are.
    expect(dockerEnvFile(fs.readFileSync(envFile, 'utf8'))).toEqual({ DISCOURSE_SMTP_USER_NAME: KEY_ID, DISCOURSE_SMTP_PASSWORD: PASSWORD });
  });
});
