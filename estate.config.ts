/**
 * The estate, as the privacy policy describes it. This is the file ops engineers
 * edit. Per-deployment values (account, domain, hosted zone, image tag) can also
 * be given on the command line: `npx cdk synth -c account=123456789012 -c domainName=example.org -c hostedZoneId=Z...`.
 */
import {
  DEFAULT_BACKUP_RETENTION_DAYS,
  DEFAULT_LOG_RETENTION_DAYS,
  DEFAULT_MAX_BACKUP_RETENTION_DAYS,
  DEFAULT_MAX_LOG_RETENTION_DAYS,
  EstateConfig,
  EXAMPLE_APPMAN_IMAGE,
  EXAMPLE_FORUM_ADMIN_EMAIL,
  defaultAppman,
  defaultForum,
  defaultMainSite,
  euRegions,
} from './lib/config';

export const estateConfig: EstateConfig = {
  name: 'Estate',
  region: 'eu-west-1',
  allowedRegions: euRegions(),
  // domain: { name: 'example.org', hostedZoneId: 'Z0123456789ABCDEFGHIJ' },
  logRetentionDays: DEFAULT_LOG_RETENTION_DAYS,
  maxLogRetentionDays: DEFAULT_MAX_LOG_RETENTION_DAYS,
  backupRetentionDays: DEFAULT_BACKUP_RETENTION_DAYS,
  maxBackupRetentionDays: DEFAULT_MAX_BACKUP_RETENTION_DAYS,
  sites: {
    main: defaultMainSite(),
    appman: defaultAppman(EXAMPLE_APPMAN_IMAGE),
    forum: defaultForum([EXAMPLE_FORUM_ADMIN_EMAIL]),
  },
  processors: [
    {
      name: 'Shopify',
      purpose: 'Hosts the subscription store front ("shop" subdomain) and the orders placed there.',
      host: 'shop',
      privacyPolicyUrl: 'https://www.shopify.com/legal/privacy',
    },
  ],
};
