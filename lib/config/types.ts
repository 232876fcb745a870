/**
 * The estate's configuration: the one description of the estate that stacks,
 * the cookie filter, the privacy checks and the published disclosure all read.
 * Ops engineers edit `estate.config.ts`; everything here is validated by
 * `validateConfig` before any construct is created.
 */

/** The sites the estate deploys. The shop is an external processor, not a site. */
export const SITE_KEYS = ['main', 'appman', 'forum'] as const;
export type SiteKey = (typeof SITE_KEYS)[number];

/** How long a cookie lives in the visitor's browser. */
export type CookieLifetime = 'session' | { readonly maxDays: number };

/** One cookie a site is allowed to set, exactly as the privacy policy names it. */
export interface CookieDeclaration {
  /** Cookie name: an RFC 6265 token. */
  readonly name: string;
  /** Why the site sets it, in words the published policy can repeat. */
  readonly purpose: string;
  /** `'session'` (no Expires/Max-Age) or a maximum lifetime in days. */
  readonly lifetime: CookieLifetime;
  /** Whether the edge forces the HttpOnly attribute. */
  readonly httpOnly: boolean;
  /**
   * When the site sets it, for the disclosure (e.g. "on form pages", "after login").
   * @default 'always'
   */
  readonly when?: string;
}

/** What the log anonymizer does to client IPs in this site's logs. */
export type IpLogHandling = 'keep' | 'truncate';

export interface SiteConfig {
  /** Human name used in the disclosure. */
  readonly title: string;
  /** Host label under the estate domain; `undefined` for the apex (main site). */
  readonly subdomain?: string;
  /** What the site is, for the disclosure. */
  readonly description: string;
  /** The only cookies the site may set. Empty: the site sets no cookies. */
  readonly cookies: readonly CookieDeclaration[];
  /** Personal data the site stores, for the disclosure. */
  readonly dataStored: readonly string[];
  /** Client IPs in web server logs: kept as logged, or truncated (/24, /48). */
  readonly ipAddressesInLogs: IpLogHandling;
  /**
   * The site's Content-Security-Policy, directive → sources.
   * @default main site: STATIC_SITE_CSP (lib/main-site/csp.ts); other sites: self-only
   */
  readonly contentSecurityPolicy?: { readonly [directive: string]: readonly string[] };
}

/** A content-scan finding the site's owner has reviewed and accepts. */
export interface ContentScanAcknowledgment {
  /** File path relative to the content folder, e.g. `old/index.html`. */
  readonly file: string;
  /** Why the finding is acceptable, in words a reviewer would accept. */
  readonly reason: string;
}

export interface MainSiteConfig extends SiteConfig {
  /**
   * Folder whose files are published as the main site, relative to the repository root.
   * @default 'site'
   */
  readonly contentDir: string;
  /**
   * Old path → new path (or https:// URL on a host in `redirectHosts`), answered with 301
   * at the edge. Merged with a `_redirects` file in the content folder (`from to [301]` lines).
   * @default none
   */
  readonly redirects?: { readonly [from: string]: string };
  /** Hosts redirects may send visitors to; any other host is refused (no open redirects). @default none */
  readonly redirectHosts?: readonly string[];
  /** Content-scan findings accepted per file (lib/main-site/content-scan.ts). @default none */
  readonly contentScanAcknowledgments?: readonly ContentScanAcknowledgment[];
}

export interface AppmanConfig extends SiteConfig {
  /** Container image of the Django app: a full image URI (registry/repo:tag). */
  readonly image: string;
  /**
   * Days a login's session row lives on the server (Django's SESSION_COOKIE_AGE); a
   * scheduled `clearsessions` deletes expired rows. Disclosed on the privacy page.
   * @default 14 (Django's own default); at most 30
   */
  readonly serverSessionDays?: number;
}

export interface ForumConfig extends SiteConfig {
  /** Addresses that become Discourse admins at bootstrap. */
  readonly adminEmails: readonly string[];
}

export interface DomainConfig {
  /** Registrable domain of the estate, e.g. `example.org`. */
  readonly name: string;
  /** Route 53 hosted zone id of `name` (no lookup: synth stays offline). */
  readonly hostedZoneId: string;
}

/** A third party that processes personal data on the estate's behalf. */
export interface ProcessorConfig {
  readonly name: string;
  readonly purpose: string;
  /** Where the processor is reached, e.g. `shop.example.org`. */
  readonly host?: string;
  readonly privacyPolicyUrl: string;
}

export interface EstateConfig {
  /** Prefix of every stack name. */
  readonly name: string;
  /** AWS account to deploy to; `undefined` leaves stacks account-agnostic. */
  readonly account?: string;
  /** Region every data-holding stack lives in. */
  readonly region: string;
  /** Regions the privacy policy allows data in (the EU). */
  readonly allowedRegions: readonly string[];
  /** Custom domain; `undefined` serves every site on its CloudFront default domain. */
  readonly domain?: DomainConfig;
  /** Days web server and CDN logs are kept before lifecycle expiry deletes them. */
  readonly logRetentionDays: number;
  /** Ceiling for `logRetentionDays` and every log group's retention. */
  readonly maxLogRetentionDays: number;
  /** Days backups are kept. */
  readonly backupRetentionDays: number;
  /** Ceiling for `backupRetentionDays`. */
  readonly maxBackupRetentionDays: number;
  readonly sites: {
    readonly main: MainSiteConfig;
    readonly appman?: AppmanConfig;
    readonly forum?: ForumConfig;
  };
  readonly processors: readonly ProcessorConfig[];
  /**
   * Addresses the estate's operational alarms notify by email (an SNS topic in
   * `region`): today the log anonymizer's, which fires when a log object keeps full
   * client IPs after every retry. Each address confirms its subscription first.
   * @default none: the alarm fires but notifies nobody; refused once a domain is set
   */
  readonly alertEmails?: readonly string[];
}
