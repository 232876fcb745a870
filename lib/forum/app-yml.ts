import { Scalar, stringify } from 'yaml';
import { guardedHooks, hooksRanCheck } from './hook-guard';
import { privacySettingsScript } from './privacy-settings';
import { SMTP_DOCKER_ARGS } from './smtp-env-file';

/**
 * Values app.yml needs that are only known after deployment (the CloudFront host
 * name without a custom domain). The boot script replaces each placeholder, quoted
 * as YAML, with the value it reads from SSM (see user-data.ts). Secrets are never
 * in app.yml: the SMTP credentials go to a root-only env file (smtp-env-file.ts).
 */
export const APP_YML_PLACEHOLDERS = {
  hostname: '@@FORUM_HOSTNAME@@',
} as const;

/**
 * Discourse's nginx site (copied from config/nginx.sample.conf by discourse_docker
 * templates/web.template.yml) tells Rails the scheme with
 * `map $http_x_forwarded_proto $thescheme` and `proxy_set_header X-Forwarded-Proto $thescheme`.
 * CloudFront sends no X-Forwarded-Proto to a custom origin; it sends the
 * `CloudFront-Forwarded-Proto` header it sets itself (forwarded by the origin
 * request policy, forum-edge.ts). Reading the map from that header makes Rails
 * see HTTPS, so DISCOURSE_FORCE_HTTPS's Secure cookies are written.
 */
export const NGINX_SITE = '/etc/nginx/conf.d/discourse.conf';
export const NGINX_PROTO_FROM = '$http_x_forwarded_proto';
export const NGINX_PROTO_TO = '$http_cloudfront_forwarded_proto';

/** Where the privacy-settings script is written inside the container during the rebuild. */
const PRIVACY_SCRIPT_PATH = '/tmp/forum-privacy-settings.rb';

export interface ForumSmtp {
  /** SES SMTP endpoint of the estate's region, e.g. `email-smtp.eu-west-1.amazonaws.com`. */
  readonly address: string;
  /** The verified SES domain mail is sent from. */
  readonly domain: string;
  /** From address of forum notifications. */
  readonly notificationEmail: string;
}

export interface ForumAppYmlProps {
  /** The forum's public host name, or `APP_YML_PLACEHOLDERS.hostname` when it is read at boot. */
  readonly hostname: string;
  /** Accounts that become admins when they sign up (Discourse's developer emails). */
  readonly adminEmails: readonly string[];
  /** SES sending; `undefined` leaves mail unconfigured (no verified domain to send from). */
  readonly smtp?: ForumSmtp;
  /** Rotated copies of the container's rails and nginx logs kept on disk (they are shipped off the host). @default 1 */
  readonly localLogRotations?: number;
  /** Sized for a 2 GiB host, as discourse-setup does. @default 2 */
  readonly unicornWorkers?: number;
  /** @default '256MB' */
  readonly dbSharedBuffers?: string;
}

/**
 * The discourse_docker container definition (`containers/app.yml`), as a YAML
 * document. Privacy settings are applied after every database migration by a
 * `rails runner` hook, so each rebuild (first bootstrap and every upgrade)
 * restores them.
 */
export function forumAppYml(props: ForumAppYmlProps): string {
  if (props.adminEmails.length === 0) {
    throw new Error('sites.forum.adminEmails: empty; list at least one address that becomes a forum admin at bootstrap.');
  }
  const rotations = props.localLogRotations ?? 1;
  const env: Record<string, string | number | boolean> = {
    LC_ALL: 'en_US.UTF-8',
    LANG: 'en_US.UTF-8',
    LANGUAGE: 'en_US.UTF-8',
    UNICORN_WORKERS: props.unicornWorkers ?? 2,
    DISCOURSE_HOSTNAME: props.hostname,
    DISCOURSE_DEVELOPER_EMAILS: props.adminEmails.join(','),
    // CloudFront terminates TLS; links, cookies (Secure) and redirects must still say https.
    DISCOURSE_FORCE_HTTPS: true,
  };
  if (props.smtp) {
    Object.assign(env, {
      DISCOURSE_SMTP_ADDRESS: props.smtp.address,
      DISCOURSE_SMTP_PORT: 587,
      DISCOURSE_SMTP_ENABLE_START_TLS: true,
      DISCOURSE_SMTP_DOMAIN: props.smtp.domain,
      DISCOURSE_NOTIFICATION_EMAIL: props.smtp.notificationEmail,
    });
  }

  const hooks = guardedHooks({
    after_db_migrate: [
      { file: { path: PRIVACY_SCRIPT_PATH, contents: privacySettingsScript() } },
      { exec: { cd: '$home', cmd: [`su discourse -c 'bundle exec rails runner ${PRIVACY_SCRIPT_PATH}'`] } },
    ],
  });

  const doc = {
    templates: ['templates/postgres.template.yml', 'templates/redis.template.yml', 'templates/web.template.yml'],
    // Plain HTTP inside the VPC only: CloudFront reaches it through the VPC origin.
    expose: [doubleQuoted('80:80')],
    params: { db_default_text_search_config: 'pg_catalog.english', db_shared_buffers: props.dbSharedBuffers ?? '256MB' },
    env,
    // The SMTP credentials, from a root-only file the boot script writes (smtp-env-file.ts).
    ...(props.smtp ? { docker_args: SMTP_DOCKER_ARGS } : {}),
    volumes: [
      { volume: { host: '/var/discourse/shared/standalone', guest: '/shared' } },
      { volume: { host: '/var/discourse/shared/standalone/log/var-log', guest: '/var/log' } },
    ],
    hooks,
    run: [
      // HTTPS reaches Rails: the scheme comes from CloudFront's own header (NGINX_SITE above).
      { replace: { filename: NGINX_SITE, from: NGINX_PROTO_FROM, to: NGINX_PROTO_TO } },
      // A Discourse release that renames the map would silently undo it: fail the rebuild instead.
      {
        exec: {
          cmd: [
            `grep -qF 'map ${NGINX_PROTO_TO} ' ${NGINX_SITE} || ` +
              `(>&2 echo '${NGINX_SITE}: no "map ${NGINX_PROTO_FROM}" to read the scheme from; update lib/forum/app-yml.ts'; exit 1)`,
          ],
        },
      },
      // The logs are shipped to a retention-bounded log group; the container keeps
      // only `rotations` rotated copies instead of its default 7.
      ...['/etc/logrotate.d/rails', '/etc/logrotate.d/nginx'].map((filename) => ({
        replace: { filename, from: '/rotate \\d+/', to: `rotate ${rotations}` },
      })),
      // Last: a hook pups skipped (a renamed template hook) fails the rebuild (hook-guard.ts).
      hooksRanCheck(Object.keys(hooks)),
    ],
  };
  // YAML 1.1 because pups reads it with Ruby's Psych: `80:80` or `yes` must come out quoted.
  return stringify(doc, { version: '1.1', lineWidth: 0 });
}

/** Psych (YAML 1.1) reads an unquoted `80:80` as the base-60 integer 4880. */
function doubleQuoted(value: string): Scalar {
  const scalar = new Scalar(value);
  scalar.type = Scalar.QUOTE_DOUBLE;
  return scalar;
}
