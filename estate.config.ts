/**
 * The estate, as the privacy policy describes it. This is the file ops engineers
 * edit. Per-deployment values (account, domain, hosted zone, image tag) can also
 * be given on the command line: `npx cdk synth -c account=123456789012 -c domainName=example.org -c hostedZoneId=Z...`.
 */
import {
  DEFAULT_BACKUP_RETENTION_DAYS,
  DEFAULT_LOG_RETENTION_DAYS,
  EstateConfig,
  EXAMPLE_APPMAN_IMAGE,
  EXAMPLE_FORUM_ADMIN_EMAIL,
  defaultAppman,
  defaultForum,
  defaultMainSite,
} from './lib/config';
import { privacyPolicy } from './privacy-policy';

export const estateConfig: EstateConfig = {
  name: 'Estate',
  region: 'eu-west-1',
  // The ceilings come from the privacy policy's own file; this file may only be stricter.
  allowedRegions: privacyPolicy.allowedRegions,
  // domain: { name: 'example.org', hostedZoneId: 'Z0123456789ABCDEFGHIJ' },
  logRetentionDays: DEFAULT_LOG_RETENTION_DAYS,
  maxLogRetentionDays: privacyPolicy.maxLogRetentionDays,
  backupRetentionDays: DEFAULT_BACKUP_RETENTION_DAYS,
  maxBackupRetentionDays: privacyPolicy.maxBackupRetentionDays,
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
