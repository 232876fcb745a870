import { FILL_PLACEHOLDERS_PY } from './fill-placeholders';
import { SMTP_ENV_FILE, SMTP_SECRET_ENV_NAMES } from './smtp-env-file';

/** Where discourse_docker lives on the host; its `shared/` is the data volume. */
export const DISCOURSE_DIR = '/var/discourse';
export const DATA_MOUNT = `${DISCOURSE_DIR}/shared`;
/** Host paths of the container's logs (app.yml maps them under the data volume). */
export const FORUM_LOG_FILES: Record<string, string> = {
  'nginx-access': `${DATA_MOUNT}/standalone/log/var-log/nginx/access.log`,
  'nginx-error': `${DATA_MOUNT}/standalone/log/var-log/nginx/error.log`,
  'rails-production': `${DATA_MOUNT}/standalone/log/rails/production.log`,
  'rails-errors': `${DATA_MOUNT}/standalone/log/rails/production_errors.log`,
  'unicorn-stderr': `${DATA_MOUNT}/standalone/log/rails/unicorn.stderr.log`,
  sidekiq: `${DATA_MOUNT}/standalone/log/rails/sidekiq.log`,
  bootstrap: '/var/log/forum-bootstrap.log',
};

/**
 * The discourse_docker commit the host checks out: HEAD of its main branch on
 * 2026-08-03 ("FIX: Gem installs in import templates", base image
 * discourse/base:2.0.20260803-0122). A detached checkout also keeps
 * `launcher rebuild` from pulling a newer launcher: it updates itself only on
 * the `main` branch (discourse_docker launcher, `rebuild)`). Raise it on purpose,
 * after reading what changed (docs/forum.md, "Upgrades").
 */
export const DISCOURSE_DOCKER_COMMIT = 'e071c2c8ebf8a93c1fba4e16fbb7168a2a9201bd';

/** The boot fill (host name, SMTP env file) as a script, run at first boot and after an SMTP key rotation. */
export const FILL_SCRIPT = '/root/forum-fill.sh';

/** Where the redaction program for the bootstrap transcript is written on the host. */
export const REDACT_SCRIPT = '/root/forum-redact.sed';

/**
 * Environment variables whose values must never reach a log. They are kept out of
 * app.yml (smtp-env-file.ts), so launcher's `set -x` of `docker run` (launcher,
 * `run_start`) and its env dump on a YAML error do not print them; the bootstrap
 * transcript is redacted as well, in case anything else prints `NAME=value`.
 */
export const SECRET_ENV_NAMES: readonly string[] = SMTP_SECRET_ENV_NAMES;

/**
 * sed -E program that replaces each secret's value with `[redacted]`, whether
 * printed as `NAME=value` (xtrace, quoted or not) or `NAME: value` (YAML).
 */
export function redactionSed(names: readonly string[] = SECRET_ENV_NAMES): string {
  return names.map((name) => `s/(${name}["']?[=:][[:space:]]*["']?)[^[:space:]"']+/\\1[redacted]/g`).join('\n');
}

export interface ForumUserDataProps {
  readonly region: string;
  /** The generated app.yml (placeholders still in it). */
  readonly appYml: string;
  /** The data volume, attached at boot so a replaced host takes it over. */
  readonly dataVolumeId: string;
  /** Block device name the data volume is attached as. */
  readonly dataDevice: string;
  /** Log group every host and container log is shipped to. */
  readonly logGroupName: string;
  /** Days a log file may stay on the host after its last write. */
  readonly localLogDays: number;
  readonly swapGiB: number;
  /** SSM parameter holding the host name, when app.yml carries the hostname placeholder. */
  readonly hostnameParameter?: string;
  /** Secret with the SES sending user's access key, when mail is configured. */
  readonly smtpSecretArn?: string;
}

/**
 * The first-boot script of the forum host: swap, the data volume, Docker logging
 * to CloudWatch, the CloudWatch agent for the log files, local log expiry, then
 * the official discourse_docker `launcher rebuild`. Reboots need none of it:
 * fstab mounts the volume and Docker restarts the container.
 */
export function forumUserData(p: ForumUserDataProps): string {
  const agentConfig = {
    logs: {
      logs_collected: {
        files: {
          collect_list: Object.entries(FORUM_LOG_FILES).map(([name, file]) => ({
            file_path: file,
            log_group_name: p.logGroupName,
            log_stream_name: `{instance_id}/${name}`,
          })),
        },
      },
    },
  };
  const dockerDaemon = { 'log-driver': 'awslogs', 'log-opts': { 'awslogs-region': p.region, 'awslogs-group': p.logGroupName } };
  const fillEnv = [
    `AWS_REGION='${p.region}'`,
    p.hostnameParameter ? `HOSTNAME_PARAMETER='${p.hostnameParameter}'` : '',
    p.smtpSecretArn ? `SMTP_SECRET_ARN='${p.smtpSecretArn}' SMTP_ENV_FILE='${SMTP_ENV_FILE}'` : '',
  ].filter(Boolean);

  return `#!/bin/bash
set -euo pipefail
# Everything printed below is kept twice: in ${FORUM_LOG_FILES.bootstrap} (shipped to the log group)
# and in cloud-init's output log. Secrets are redacted before either is written.
cat > ${REDACT_SCRIPT} <<'SED'
${redactionSed()}
SED
exec > >(sed -u -E -f ${REDACT_SCRIPT} | tee -a ${FORUM_LOG_FILES.bootstrap}) 2>&1
echo "forum bootstrap: start $(date -u +%FT%TZ)"

# User data runs once: a step that fails for a moment must not leave the forum unbuilt.
# retry ATTEMPTS COMMAND...: package mirrors, GitHub and Docker Hub can fail briefly.
retry() {
  local attempts=$1 n=1; shift
  until "$@"; do
    [ "$n" -ge "$attempts" ] && { echo "failed after $n attempts: $*"; return 1; }
    echo "attempt $n failed, retrying: $*"; sleep $((n * 20)); n=$((n + 1))
  done
}
# The host reaches the internet only through the NAT instance, which may still be booting
# (or forwarding nothing yet): wait up to 30 minutes for HTTPS out before downloading anything.
wait_for_egress() {
  local n=0
  until curl -sS -o /dev/null --max-time 10 https://github.com; do
    n=$((n + 1)); [ "$n" -ge 60 ] && { echo "no egress through the NAT after 30 minutes"; return 1; }
    echo "waiting for egress through the NAT"; sleep 30
  done
}
wait_for_egress

retry 5 dnf install -y docker git amazon-cloudwatch-agent

# Swap: Discourse's documented minimum is 1 GiB RAM plus swap; rebuilds need it.
if ! swapon --show | grep -q /swapfile; then
  fallocate -l ${p.swapGiB}G /swapfile && chmod 600 /swapfile && mkswap /swapfile && swapon /swapfile
  echo '/swapfile none swap sw 0 0' >> /etc/fstab
fi

retry 5 sh -c 'rm -rf ${DISCOURSE_DIR} && git clone https://github.com/discourse/discourse_docker.git ${DISCOURSE_DIR}'
git -C ${DISCOURSE_DIR} -c advice.detachedHead=false checkout --detach ${DISCOURSE_DOCKER_COMMIT}

# Data volume: attached here (not by CloudFormation) so a replacement host takes it over
# once the old one has released it. Whatever volume is at ${p.dataDevice} is used, which is
# how a restored volume is swapped in (docs/forum.md).
TOKEN=$(curl -sfX PUT http://169.254.169.254/latest/api/token -H 'X-aws-ec2-metadata-token-ttl-seconds: 300')
INSTANCE_ID=$(curl -sfH "X-aws-ec2-metadata-token: $TOKEN" http://169.254.169.254/latest/meta-data/instance-id)
if [ ! -e ${p.dataDevice} ]; then
  until [ "$(aws ec2 describe-volumes --region ${p.region} --volume-ids ${p.dataVolumeId} --query 'Volumes[0].State' --output text)" = available ]; do
    echo "waiting for ${p.dataVolumeId} to be released"; sleep 15
  done
  aws ec2 attach-volume --region ${p.region} --volume-id ${p.dataVolumeId} --instance-id "$INSTANCE_ID" --device ${p.dataDevice}
  until [ -e ${p.dataDevice} ]; do sleep 2; done
fi
blkid ${p.dataDevice} || mkfs.ext4 -L forum-data ${p.dataDevice}
mkdir -p ${DATA_MOUNT}
echo '${p.dataDevice} ${DATA_MOUNT} ext4 defaults,nofail 0 2' >> /etc/fstab
mount ${DATA_MOUNT}
# Docker (and so Discourse) never starts on an empty directory in place of the data volume.
mkdir -p /etc/systemd/system/docker.service.d
printf '[Unit]\\nRequiresMountsFor=${DATA_MOUNT}\\n' > /etc/systemd/system/docker.service.d/forum-data.conf

# Container output goes to the retention-bounded log group, never to unbounded local files.
# That includes launcher's throw-away containers, which print app.yml's env: no secret is in it
# (the SMTP credentials are in ${SMTP_ENV_FILE}, lib/forum/smtp-env-file.ts).
mkdir -p /etc/docker
cat > /etc/docker/daemon.json <<'JSON'
${JSON.stringify(dockerDaemon, null, 2)}
JSON
systemctl daemon-reload
systemctl enable --now docker

# Log files are shipped to the same log group; on the host they expire after ${p.localLogDays} day(s).
cat > /opt/aws/amazon-cloudwatch-agent/etc/forum.json <<'JSON'
${JSON.stringify(agentConfig, null, 2)}
JSON
/opt/aws/amazon-cloudwatch-agent/bin/amazon-cloudwatch-agent-ctl -a fetch-config -m ec2 -s -c file:/opt/aws/amazon-cloudwatch-agent/etc/forum.json
cat > /etc/systemd/system/forum-log-expiry.service <<'UNIT'
[Unit]
Description=Delete forum log files older than ${p.localLogDays} day(s)
[Service]
Type=oneshot
ExecStart=/usr/bin/find ${DATA_MOUNT}/standalone/log -type f -mtime +${p.localLogDays - 1} -delete
UNIT
cat > /etc/systemd/system/forum-log-expiry.timer <<'UNIT'
[Unit]
Description=Daily forum log expiry
[Timer]
OnCalendar=daily
Persistent=true
[Install]
WantedBy=timers.target
UNIT
systemctl enable --now forum-log-expiry.timer

cat > ${DISCOURSE_DIR}/containers/app.yml <<'APPYML'
${p.appYml.trimEnd()}
APPYML
chmod 600 ${DISCOURSE_DIR}/containers/app.yml
cat > /root/fill-placeholders.py <<'PY'
${FILL_PLACEHOLDERS_PY.trim()}
PY
# Kept as a script: after rotating the SMTP key, run it again, then rebuild (docs/forum.md, "Upgrades").
cat > ${FILL_SCRIPT} <<'SH'
#!/bin/bash
set -euo pipefail
${fillEnv.join(' ')} python3 /root/fill-placeholders.py ${DISCOURSE_DIR}/containers/app.yml
SH
chmod 700 ${FILL_SCRIPT}
${FILL_SCRIPT}

# Twice at most: a second try covers a download that failed mid-build; a rebuild the privacy
# settings check aborts fails the same way again.
cd ${DISCOURSE_DIR} && retry 2 ./launcher rebuild app
echo "forum bootstrap: done $(date -u +%FT%TZ)"
`;
}
