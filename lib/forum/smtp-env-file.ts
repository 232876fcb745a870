/**
 * The SMTP credentials reach Discourse through a root-only file on the host, handed to
 * Docker with `--env-file`, never through app.yml's `env`.
 *
 * Why: discourse_docker's launcher (`set_template_info`, launcher line 404) pipes app.yml into
 * a throw-away container whose Ruby prints every `env` entry as `-e\nKEY=value` (line 398),
 * and prints the whole app.yml on a non-syntax YAML error (line 393). Docker's default log
 * driver (awslogs, user-data.ts) ships that container's stdout to the forum log group on every
 * rebuild. Moving the log driver to app.yml's `docker_args` would not help: launcher adds
 * `docker_args` to `$user_args` (`merge_user_args`, line 611) and so to the env container of the
 * second `set_template_info` that `run_start` makes (line 639).
 *
 * `docker run --env-file` is read by the docker CLI itself (docker/cli opts/file.go,
 * `parseKeyValueFile`) and sent in the create request; launcher's containers print only what
 * they read from app.yml, and launcher's `set -x` shows only the file's path. Discourse reads
 * `DISCOURSE_SMTP_*` from its environment: at container start web.template.yml's
 * `/etc/runit/1.d/copy-env` writes every `DISCOURSE_*` variable into `discourse.conf` (mode 600).
 */
export const SMTP_ENV_FILE = '/etc/forum/smtp.env';

/** Variables whose values are secrets: only ever in SMTP_ENV_FILE. */
export const SMTP_SECRET_ENV_NAMES = ['DISCOURSE_SMTP_USER_NAME', 'DISCOURSE_SMTP_PASSWORD'] as const;

/** app.yml's `docker_args` (read by launcher's `merge_user_args`) when mail is configured. */
export const SMTP_DOCKER_ARGS = `--env-file ${SMTP_ENV_FILE}`;
