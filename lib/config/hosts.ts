import { EstateConfig, SiteKey } from './types';

/** The host name a site is served on, or `undefined` without a custom domain. */
export function siteHostName(config: EstateConfig, key: SiteKey): string | undefined {
  if (!config.domain) return undefined;
  const site = config.sites[key];
  if (!site) return undefined;
  return site.subdomain ? `${site.subdomain}.${config.domain.name}` : config.domain.name;
}

/** Host names of every deployed site, apex first. */
export function allSiteHostNames(config: EstateConfig): string[] {
  return (['main', 'appman', 'forum'] as const)
    .map((k) => siteHostName(config, k))
    .filter((h): h is string => h !== undefined);
}
