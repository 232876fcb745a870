import { CookieLifetime, DEFAULT_SERVER_SESSION_DAYS, EstateConfig, SITE_KEYS, SiteKey, siteHostName } from '../config';

/**
 * The factual part of the privacy policy, as structured data. Built from the
 * estate config; rendered to Markdown and HTML; and the document the drift check
 * compares with the synthesized templates (the check never reads the config).
 */
export interface Disclosure {
  readonly sites: readonly DisclosedSite[];
  readonly processors: readonly DisclosedProcessor[];
}

export interface DisclosedCookie {
  readonly name: string;
  readonly purpose: string;
  readonly lifetime: CookieLifetime;
  readonly httpOnly: boolean;
  readonly when: string;
}

export interface DisclosedSite {
  readonly key: SiteKey;
  readonly title: string;
  readonly description: string;
  /** Host name the site is served on; `undefined` without a custom domain. */
  readonly host?: string;
  /** AWS region that holds the site's data and logs. */
  readonly region: string;
  readonly cookies: readonly DisclosedCookie[];
  readonly dataStored: readonly string[];
  readonly ipAddressesInLogs: 'keep' | 'truncate';
  /** Days web server and CDN logs are kept at most. */
  readonly logRetentionDays: number;
  /** Days backups are kept at most. */
  readonly backupRetentionDays: number;
  /** Days a login session lives on the server before the daily cleanup deletes it (Appman). */
  readonly serverSessionDays?: number;
}

export interface DisclosedProcessor {
  readonly name: string;
  readonly purpose: string;
  readonly host?: string;
  readonly privacyPolicyUrl: string;
}

export function buildDisclosure(config: EstateConfig): Disclosure {
  const sites: DisclosedSite[] = [];
  for (const key of SITE_KEYS) {
    const site = config.sites[key];
    if (!site) continue;
    sites.push({
      key,
      title: site.title,
      description: site.description,
      host: siteHostName(config, key),
      region: config.region,
      cookies: site.cookies.map((c) => ({
        name: c.name,
        purpose: c.purpose,
        lifetime: c.lifetime,
        httpOnly: c.httpOnly,
        when: c.when ?? 'always',
      })),
      dataStored: [...site.dataStored],
      ipAddressesInLogs: site.ipAddressesInLogs,
      logRetentionDays: config.logRetentionDays,
      backupRetentionDays: config.backupRetentionDays,
      ...(key === 'appman' ? { serverSessionDays: config.sites.appman?.serverSessionDays ?? DEFAULT_SERVER_SESSION_DAYS } : {}),
    });
  }
  const processors = config.processors.map((p) => ({
    name: p.name,
    purpose: p.purpose,
    // The config names the processor's host by its label under the estate domain.
    host: p.host && config.domain && !p.host.includes('.') ? `${p.host}.${config.domain.name}` : p.host,
    privacyPolicyUrl: p.privacyPolicyUrl,
  }));
  return { sites, processors };
}

/** Sessions expire after `days`; the daily clearsessions run deletes them within one more day. */
export function describeServerSessions(days: number): string {
  return `Login sessions are deleted from our server at most ${days + 1} days after they were last updated (they expire after ${days} days; a daily job deletes expired ones).`;
}

export function describeLifetime(lifetime: CookieLifetime): string {
  if (lifetime === 'session') return 'session (deleted when the browser closes)';
  return `up to ${lifetime.maxDays} day${lifetime.maxDays === 1 ? '' : 's'}`;
}

/** Human name of an AWS region, so the page says where, not only a code. */
const REGION_NAMES: Record<string, string> = {
  'eu-west-1': 'Ireland',
  'eu-west-2': 'London',
  'eu-west-3': 'Paris',
  'eu-central-1': 'Frankfurt',
  'eu-central-2': 'Zurich',
  'eu-north-1': 'Stockholm',
  'eu-south-1': 'Milan',
  'eu-south-2': 'Spain',
};

export function describeRegion(region: string): string {
  const name = REGION_NAMES[region];
  return name ? `AWS ${region} (${name})` : `AWS ${region}`;
}
