import { AppmanConfig, CookieDeclaration, DEFAULT_SERVER_SESSION_DAYS } from '../config';

/**
 * The plain (non-secret) environment the deployment passes to the Appman Django
 * app: the app contract, documented in docs/appman.md. Secrets (database
 * credentials, SECRET_KEY) are never here: they reach the container as ECS secrets.
 */
export interface DjangoEnvironmentProps {
  readonly site: AppmanConfig;
  /** The host name visitors use: the custom domain's, or the CloudFront domain. */
  readonly hostName: string;
  readonly database: { readonly host: string; readonly port: string; readonly name: string };
  /** Absent: the estate has no domain, so no verified SES identity to send from. */
  readonly email?: { readonly region: string; readonly configurationSet: string; readonly fromAddress: string };
  /** Path the load balancer probes; must answer 200 before Django's host validation. */
  readonly healthCheckPath: string;
}

/** Django's cookie names, which the policy names too. */
export const DJANGO_COOKIES = { session: 'sessionid', csrf: 'csrftoken', messages: 'messages' } as const;

/**
 * The header CloudFront sets to the viewer's protocol. The ALB's own
 * X-Forwarded-Proto says `http` (CloudFront reaches it over the VPC origin), so
 * Django must read this one to know a request came over HTTPS. Viewers cannot set
 * it: CloudFront overwrites the CloudFront-* headers it generates.
 */
export const PROTO_HEADER = 'CloudFront-Forwarded-Proto';

/** Viewer headers the origin request policy forwards to Django, and why. Nothing more. */
export const DJANGO_FORWARDED_HEADERS = [
  // Otherwise CloudFront sends the origin's domain (the ALB's internal name) and
  // Django would validate and build absolute URLs against it.
  'Host',
  // Django >= 4.0 checks Origin against the host on unsafe methods.
  'Origin',
  // Django < 4.0 ignores Origin and fails every HTTPS POST without a same-site Referer
  // ("Referer checking failed - no Referer"); Django >= 4.0 falls back to it when Origin
  // is absent. The sites send Referrer-Policy: same-origin, so only Appman's own URLs
  // reach it (csrf.py, CsrfViewMiddleware.process_view).
  'Referer',
  // The CSRF token of JavaScript requests (Django's CSRF_HEADER_NAME default, HTTP_X_CSRFTOKEN).
  'X-CSRFToken',
  PROTO_HEADER,
];

/** Where the image holds the RDS CA bundle (https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem). */
export const RDS_CA_BUNDLE_PATH = '/etc/ssl/certs/rds-global-bundle.pem';


export function djangoEnvironment(p: DjangoEnvironmentProps): Record<string, string> {
  const session = cookie(p.site, DJANGO_COOKIES.session);
  const csrf = cookie(p.site, DJANGO_COOKIES.csrf);
  cookie(p.site, DJANGO_COOKIES.messages);
  if (session.lifetime !== 'session') {
    throw new Error(
      `sites.appman.cookies: '${DJANGO_COOKIES.session}' has lifetime ${JSON.stringify(session.lifetime)}; ` +
        "the policy promises a session-only login cookie: set lifetime: 'session'.",
    );
  }
  const bool = (b: boolean) => (b ? 'True' : 'False');
  return {
    DJANGO_DEBUG: 'False',
    DJANGO_ALLOWED_HOSTS: p.hostName,
    DJANGO_CSRF_TRUSTED_ORIGINS: `https://${p.hostName}`,
    DJANGO_USE_X_FORWARDED_HOST: 'False',
    DJANGO_SECURE_PROXY_SSL_HEADER: `HTTP_${PROTO_HEADER.toUpperCase().replace(/-/g, '_')},https`,
    DJANGO_SESSION_COOKIE_NAME: session.name,
    DJANGO_SESSION_COOKIE_SECURE: 'True',
    DJANGO_SESSION_COOKIE_HTTPONLY: bool(session.httpOnly),
    DJANGO_SESSION_COOKIE_SAMESITE: 'Lax',
    DJANGO_SESSION_EXPIRE_AT_BROWSER_CLOSE: 'True',
    // Seconds a session row is valid on the server; `clearsessions` (scheduled) deletes expired rows.
    DJANGO_SESSION_COOKIE_AGE: String(serverSessionDays(p.site) * 86400),
    DJANGO_CSRF_COOKIE_NAME: csrf.name,
    DJANGO_CSRF_COOKIE_SECURE: 'True',
    DJANGO_CSRF_COOKIE_HTTPONLY: bool(csrf.httpOnly),
    DJANGO_CSRF_COOKIE_SAMESITE: 'Lax',
    // Seconds; 'None' makes it a session cookie.
    DJANGO_CSRF_COOKIE_AGE: csrf.lifetime === 'session' ? 'None' : String(csrf.lifetime.maxDays * 86400),
    // The `messages` cookie of Django's default FallbackStorage follows the SESSION_COOKIE_* flags.
    DJANGO_MESSAGE_STORAGE: 'django.contrib.messages.storage.fallback.FallbackStorage',
    DATABASE_ENGINE: 'django.db.backends.postgresql',
    DATABASE_HOST: p.database.host,
    DATABASE_PORT: p.database.port,
    DATABASE_NAME: p.database.name,
    // libpq's sslmode, for DATABASES['default']['OPTIONS']['sslmode']: verify-full checks the
    // certificate chain against the RDS CA bundle and the host name; 'require' checks neither.
    DATABASE_SSLMODE: 'verify-full',
    DATABASE_SSLROOTCERT: RDS_CA_BUNDLE_PATH,
    ...(p.email
      ? {
          EMAIL_BACKEND: 'django_ses.SESBackend',
          AWS_SES_REGION_NAME: p.email.region,
          AWS_SES_REGION_ENDPOINT: `email.${p.email.region}.amazonaws.com`,
          AWS_SES_CONFIGURATION_SET: p.email.configurationSet,
          DEFAULT_FROM_EMAIL: p.email.fromAddress,
          SERVER_EMAIL: p.email.fromAddress,
        }
      : { EMAIL_BACKEND: 'django.core.mail.backends.dummy.EmailBackend' }),
    HEALTH_CHECK_PATH: p.healthCheckPath,
  };
}

export function serverSessionDays(site: AppmanConfig): number {
  return site.serverSessionDays ?? DEFAULT_SERVER_SESSION_DAYS;
}

function cookie(site: AppmanConfig, name: string): CookieDeclaration {
  const c = site.cookies.find((d) => d.name === name);
  if (!c) {
    throw new Error(
      `sites.appman.cookies: no '${name}' declared; Django sets it, so the allowlist must name it ` +
        '(use appmanCookies() from lib/config/defaults.ts).',
    );
  }
  return c;
}
