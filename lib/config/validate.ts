import { contextProblems } from './context';
import { EXAMPLE_APPMAN_IMAGE, EXAMPLE_FORUM_ADMIN_EMAIL } from './defaults';
import { imageReferenceProblem } from './image-reference';
import { euRegions, whyNotEu } from './regions';
import { unknownKeys } from './schema';
import { CookieDeclaration, EstateConfig, MainSiteConfig, SITE_KEYS } from './types';
import { trackerOfCookie } from '../privacy/tracking-cookies';
import { checkWithinPolicy, PolicyCeilings } from './policy-ceilings';

/** One problem in the estate config: the field, the bad value and how to fix it. */
export interface ConfigProblem {
  readonly field: string;
  readonly value: unknown;
  readonly fix: string;
}

/** Thrown before any construct exists, so a bad config writes no templates. */
export class EstateConfigError extends Error {
  constructor(public readonly problems: readonly ConfigProblem[]) {
    super(
      `Invalid estate config (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  - ${p.field}: ${JSON.stringify(p.value)} — ${p.fix}`).join('\n'),
    );
    this.name = 'EstateConfigError';
  }
}

/** RFC 6265 cookie-name = token (RFC 2616): visible ASCII except separators. */
const COOKIE_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const DNS_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const HOSTED_ZONE_ID = /^Z[A-Z0-9]{1,31}$/;
/** Browsers cap cookie lifetimes at 400 days (RFC 6265bis). */
const MAX_COOKIE_DAYS = 400;
/** Longest server-side login session: a forgotten login must not keep a session row for months. */
export const MAX_SERVER_SESSION_DAYS = 30;

export interface ValidateOptions {
  /**
   * The config is about to be deployed (bin/estate.ts, the app `cdk` runs): with a
   * domain, the example values estate.config.ts ships with are refused.
   * @default false (tests and previews synthesize the examples)
   */
  readonly forDeployment?: boolean;
  /** The raw `-c` context, checked for unknown keys and empty values. */
  readonly context?: Record<string, unknown>;
  /** The privacy policy's ceilings (privacy-policy.ts): the config may be stricter, never looser. */
  readonly policy?: PolicyCeilings;
}

export function validateConfig(config: EstateConfig, options: ValidateOptions = {}): EstateConfig {
  const problems: ConfigProblem[] = options.context ? contextProblems(options.context) : [];
  const fail = (field: string, value: unknown, fix: string) => problems.push({ field, value, fix });

  // An unknown site (`sites.blog`) is reported by validateSites, with the list of sites.
  for (const { field, suggestion } of unknownKeys(config).filter((k) => !/^sites\.[^.[]+$/.test(k.field))) {
    fail(field, valueAt(config, field), `unknown key${suggestion ? `; did you mean "${suggestion}"?` : '.'} Remove it or correct its name (see lib/config/types.ts).`);
  }

  if (!/^[A-Za-z][A-Za-z0-9-]{0,40}$/.test(config.name ?? '')) {
    fail('name', config.name, 'use letters, digits and hyphens, starting with a letter (it prefixes every stack name).');
  }
  if (config.account !== undefined && !/^\d{12}$/.test(config.account)) {
    fail('account', config.account, 'give the 12-digit AWS account id, or leave it unset.');
  }
  validateRegions(config, fail);
  if (options.policy) checkWithinPolicy(config, options.policy, fail);
  validateRetention('logRetentionDays', config.logRetentionDays, 'maxLogRetentionDays', config.maxLogRetentionDays, fail);
  validateRetention('backupRetentionDays', config.backupRetentionDays, 'maxBackupRetentionDays', config.maxBackupRetentionDays, fail);
  validateDomain(config, fail);
  validateSites(config, fail);
  if (options.forDeployment && config.domain) refusePlaceholders(config, fail);
  validateEmails('alertEmails', config.alertEmails, '-c alertEmails=ops@your-domain,oncall@your-domain', fail);
  if (options.forDeployment && config.domain && (config.alertEmails ?? []).length === 0) {
    fail(
      'alertEmails',
      config.alertEmails,
      "a deployment with a domain needs someone to hear its alarms (the log anonymizer's fires when a log keeps full client IPs); " +
        'give -c alertEmails=ops@your-domain or set alertEmails in estate.config.ts.',
    );
  }
  (config.processors ?? []).forEach((p, i) => {
    if (!p.name) fail(`processors[${i}].name`, p.name, 'name the processor as the policy does (e.g. "Shopify").');
    if (!/^https:\/\//.test(p.privacyPolicyUrl ?? '')) {
      fail(`processors[${i}].privacyPolicyUrl`, p.privacyPolicyUrl, "link the processor's privacy policy with an https:// URL.");
    }
  });

  if (problems.length > 0) throw new EstateConfigError(problems);
  return config;
}

type Fail = (field: string, value: unknown, fix: string) => void;

/** One address: something@host.tld, nothing SNS would refuse at deploy time. */
const EMAIL = /^[^@\s,]+@[^@\s,]+\.[^@\s,]+$/;

/** A list of addresses at `field` (absent is fine); `example` shows the `-c` form. */
function validateEmails(field: string, emails: readonly string[] | undefined, example: string, fail: Fail): void {
  if (emails === undefined) return;
  if (!Array.isArray(emails)) {
    fail(field, emails, `give a list of addresses, e.g. ["ops@your-domain"] (or ${example}).`);
    return;
  }
  emails.forEach((email, i) => {
    if (typeof email !== 'string' || !EMAIL.test(email)) fail(`${field}[${i}]`, email, 'give an email address such as ops@your-domain.');
  });
}

function validateRegions(config: EstateConfig, fail: Fail): void {
  const eu = euRegions();
  (config.allowedRegions ?? []).forEach((r, i) => {
    if (!eu.includes(r)) fail(`allowedRegions[${i}]`, r, `not an EU region: ${whyNotEu(r)}. Use one of ${eu.join(', ')}.`);
  });
  if (!config.allowedRegions || config.allowedRegions.length === 0) {
    fail('allowedRegions', config.allowedRegions, `list the EU regions data may live in, e.g. ${JSON.stringify(eu)}.`);
  }
  if (!eu.includes(config.region)) {
    fail('region', config.region, `not an EU region: ${whyNotEu(config.region)}. Use one of ${eu.join(', ')} (default eu-west-1).`);
  } else if (!(config.allowedRegions ?? []).includes(config.region)) {
    fail('region', config.region, `not in allowedRegions ${JSON.stringify(config.allowedRegions)}; add it there or pick one of them.`);
  }
}

function validateRetention(field: string, days: number, ceilingField: string, ceiling: number, fail: Fail): void {
  if (!Number.isInteger(ceiling) || ceiling < 1) {
    fail(ceilingField, ceiling, 'give a whole number of days, at least 1.');
    return;
  }
  if (!Number.isInteger(days) || days < 1) {
    fail(field, days, `give a whole number of days between 1 and ${ceilingField} (${ceiling}); never-expire is not allowed.`);
  } else if (days > ceiling) {
    fail(field, days, `above the ceiling ${ceilingField} = ${ceiling}; lower it to ${ceiling} or less.`);
  }
}

function validateDomain(config: EstateConfig, fail: Fail): void {
  const domain = config.domain;
  if (domain === undefined) return;
  const labels = (domain.name ?? '').split('.');
  if (labels.length < 2 || !labels.every((l) => DNS_LABEL.test(l))) {
    fail('domain.name', domain.name, 'give a lower-case registrable domain such as "example.org".');
  }
  if (!domain.hostedZoneId) {
    fail('domain.hostedZoneId', domain.hostedZoneId, `a domain needs its Route 53 hosted zone id (synth does no lookup). Set domain.hostedZoneId or pass -c hostedZoneId=Z...; or remove domain to use CloudFront's default domain.`);
  } else if (!HOSTED_ZONE_ID.test(domain.hostedZoneId)) {
    fail('domain.hostedZoneId', domain.hostedZoneId, 'a Route 53 hosted zone id looks like "Z0123456789ABCDEFGHIJ" (upper-case, starts with Z).');
  }
}

function validateSites(config: EstateConfig, fail: Fail): void {
  const sites = (config.sites ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(sites)) {
    if (!(SITE_KEYS as readonly string[]).includes(key)) {
      fail(`sites.${key}`, key, `unknown site; the estate has ${SITE_KEYS.join(', ')}. Remove it or rename it to one of those.`);
    }
  }
  if (!config.sites?.main) {
    fail('sites.main', undefined, 'the main site is required.');
    return;
  }
  validateMainSiteContent(config.sites.main, fail);
  if (config.sites.main.cookies.length > 0) {
    fail('sites.main.cookies', config.sites.main.cookies.map((c) => c.name), 'the policy promises the main site sets no cookies; empty the list.');
  }
  const subdomains = new Map<string, string>();
  for (const key of SITE_KEYS) {
    const site = config.sites[key];
    if (!site) continue;
    if (site.subdomain !== undefined) {
      if (!DNS_LABEL.test(site.subdomain)) {
        fail(`sites.${key}.subdomain`, site.subdomain, 'use one lower-case DNS label (letters, digits, hyphens).');
      } else if (subdomains.has(site.subdomain)) {
        fail(`sites.${key}.subdomain`, site.subdomain, `already used by sites.${subdomains.get(site.subdomain)}; give each site its own.`);
      }
      subdomains.set(site.subdomain ?? '', key);
    } else if (key !== 'main') {
      fail(`sites.${key}.subdomain`, site.subdomain, 'only the main site lives on the apex; give this site a subdomain.');
    }
    validateCookies(`sites.${key}.cookies`, site.cookies ?? [], fail);
  }
  if (config.sites.appman && !config.sites.appman.image) {
    fail('sites.appman.image', config.sites.appman.image, 'give the container image URI (registry/repository:tag or @sha256 digest), or pass -c appmanImage=...');
  } else if (config.sites.appman) {
    const problem = imageReferenceProblem(config.sites.appman.image);
    if (problem) fail('sites.appman.image', config.sites.appman.image, `${problem} Set it in estate.config.ts or pass -c appmanImage=...`);
  }
  if (config.sites.forum) {
    validateEmails('sites.forum.adminEmails', config.sites.forum.adminEmails, '-c forumAdminEmails=you@your-domain', fail);
  }
  const sessionDays = config.sites.appman?.serverSessionDays;
  if (sessionDays !== undefined && !(Number.isInteger(sessionDays) && sessionDays >= 1 && sessionDays <= MAX_SERVER_SESSION_DAYS)) {
    fail('sites.appman.serverSessionDays', sessionDays, `give a whole number of days from 1 to ${MAX_SERVER_SESSION_DAYS}, or leave it unset (14).`);
  }
}

/** A deployment with a domain is a real one: the shipped examples would deploy a stranger's image and an unreachable admin. */
function refusePlaceholders(config: EstateConfig, fail: Fail): void {
  const image = config.sites.appman?.image;
  if (image === EXAMPLE_APPMAN_IMAGE) {
    fail('sites.appman.image', image, "this is the example image estate.config.ts ships with; give your Appman build's image (-c appmanImage=registry/appman:tag).");
  }
  (config.sites.forum?.adminEmails ?? []).forEach((email, i) => {
    if (email === EXAMPLE_FORUM_ADMIN_EMAIL) {
      fail(`sites.forum.adminEmails[${i}]`, email, 'this is the example admin; give the address of the person who will administer the forum (-c forumAdminEmails=you@your-domain).');
    }
  });
}

/** The value at a dotted field path such as `sites.main.cookies[0].nmae`, for the error message. */
function valueAt(root: unknown, field: string): unknown {
  return field
    .split(/\.|\[(\d+)\]/)
    .filter((part) => part !== undefined && part !== '')
    .reduce<unknown>((v, part) => (v === null || typeof v !== 'object' ? undefined : (v as Record<string, unknown>)[part]), root);
}


/** Script sources that keep the main site's promise: only its own files (or exact hashes) run. */
const MAIN_SCRIPT_SOURCE = /^('self'|'none'|'sha(256|384|512)-[A-Za-z0-9+/=]+')$/;
const CSP_DIRECTIVE = /^[a-z][a-z-]*$/;

function validateMainSiteContent(main: MainSiteConfig, fail: Fail): void {
  const csp = main.contentSecurityPolicy;
  if (csp !== undefined) {
    for (const [name, sources] of Object.entries(csp)) {
      if (!CSP_DIRECTIVE.test(name) || !Array.isArray(sources) || sources.some((v) => typeof v !== 'string' || /[;,\s]/.test(v))) {
        fail(`sites.main.contentSecurityPolicy.${name}`, sources, "give a lower-case directive name and a list of single sources, e.g. 'img-src': [\"'self'\", 'data:'].");
      }
    }
    const script = csp['script-src'] ?? csp['default-src'];
    if (!script || script.length === 0 || !script.every((v) => MAIN_SCRIPT_SOURCE.test(v))) {
      fail(
        'sites.main.contentSecurityPolicy.script-src',
        script,
        "the main site runs only its own script files: use [\"'self'\"] (exact 'sha256-…' hashes allowed); no 'unsafe-inline', 'unsafe-eval', hosts or schemes.",
      );
    }
  }
  (main.redirectHosts ?? []).forEach((h, i) => {
    if (!h.split('.').every((l) => DNS_LABEL.test(l)) || !h.includes('.')) {
      fail(`sites.main.redirectHosts[${i}]`, h, 'give a lower-case host name such as "docs.example.org".');
    }
  });
  (main.contentScanAcknowledgments ?? []).forEach((a, i) => {
    if (!a.file || a.file.startsWith('/')) fail(`sites.main.contentScanAcknowledgments[${i}].file`, a.file, 'give the file path relative to the content folder, e.g. "legacy/index.html".');
    if (!a.reason?.trim()) fail(`sites.main.contentScanAcknowledgments[${i}].reason`, a.reason, "say why this file's findings are acceptable.");
  });
}

function validateCookies(field: string, cookies: readonly CookieDeclaration[], fail: Fail): void {
  const seen = new Set<string>();
  cookies.forEach((c, i) => {
    const at = `${field}[${i}]`;
    if (typeof c.name !== 'string' || !COOKIE_TOKEN.test(c.name)) {
      fail(`${at}.name`, c.name, 'not an RFC 6265 token: use visible ASCII without spaces or ()<>@,;:\\"/[]?={} (e.g. "session_id").');
    } else if (seen.has(c.name)) {
      fail(`${at}.name`, c.name, 'declared twice in this site; remove the duplicate.');
    }
    seen.add(c.name);
    const tracker = typeof c.name === 'string' ? trackerOfCookie(c.name) : undefined;
    if (tracker) {
      fail(
        `${at}.name`,
        c.name,
        `${tracker.tracker}'s cookie (${tracker.source}): an analytics or advertising cookie, and the policy promises "We no longer use Google Analytics on any of our sites" and only "non-tracking, first-party" cookies. ` +
          "Remove it from the site's cookies; the edge keeps expiring it in visitors' browsers (lib/privacy/tracking-cookies.ts).",
      );
    }
    if (!c.purpose) fail(`${at}.purpose`, c.purpose, 'say why the site sets this cookie; the disclosure publishes it.');
    if (c.lifetime !== 'session') {
      const days = c.lifetime?.maxDays;
      if (!Number.isInteger(days) || days < 1 || days > MAX_COOKIE_DAYS) {
        fail(`${at}.lifetime.maxDays`, days, `give a whole number of days from 1 to ${MAX_COOKIE_DAYS}, or lifetime: 'session'.`);
      }
    }
    if (typeof c.httpOnly !== 'boolean') fail(`${at}.httpOnly`, c.httpOnly, 'say true or false.');
  });
}
