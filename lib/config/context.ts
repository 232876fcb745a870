import { EstateConfig } from './types';

/**
 * Per-deployment values an ops engineer may pass with `cdk synth -c key=value`
 * instead of editing estate.config.ts. They overlay the file and then go through
 * the same `validateConfig` as everything else.
 */
export const CONTEXT_KEYS = ['account', 'region', 'domainName', 'hostedZoneId', 'appmanImage'] as const;

export type ContextReader = (key: string) => unknown;

export function applyContext(config: EstateConfig, read: ContextReader): EstateConfig {
  const str = (key: string): string | undefined => {
    const v = read(key);
    return v === undefined || v === null || v === '' ? undefined : String(v);
  };
  const account = str('account');
  const region = str('region');
  const domainName = str('domainName');
  const hostedZoneId = str('hostedZoneId');
  const appmanImage = str('appmanImage');

  const domain =
    domainName !== undefined || hostedZoneId !== undefined
      ? {
          name: domainName ?? config.domain?.name ?? '',
          hostedZoneId: hostedZoneId ?? config.domain?.hostedZoneId ?? '',
        }
      : config.domain;

  return {
    ...config,
    account: account ?? config.account,
    region: region ?? config.region,
    domain,
    sites: {
      ...config.sites,
      appman: config.sites.appman && appmanImage ? { ...config.sites.appman, image: appmanImage } : config.sites.appman,
    },
  };
}
