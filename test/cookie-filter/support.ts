import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { estateConfig } from '../../estate.config';
import { EstateConfig, SiteConfig, SiteKey } from '../../lib/config';
import { PrivateDistribution } from '../../lib/constructs/private-distribution';
import { cookieFiltersInTemplate, CookieFilterPair } from '../../lib/cookie-filter';
import { createEstate } from '../../lib/estate';

export const DOMAIN = 'example.org';

/** The estate config with a custom domain, as `-c domainName=... -c hostedZoneId=...` gives it. */
export function withDomain(config: EstateConfig = estateConfig): EstateConfig {
  return { ...config, domain: { name: DOMAIN, hostedZoneId: 'Z0123456789ABCDEFGHIJ' } };
}

/** Builds the estate the way bin/estate.ts does and returns the template of every stack. */
export function estateTemplates(config: EstateConfig): Template[] {
  const app = new App({ context: require('../../cdk.json').context });
  createEstate(app, config);
  return app.node.children.filter((c): c is Stack => c instanceof Stack).map((s) => Template.fromStack(s));
}

export function siteConfig(key: SiteKey): SiteConfig {
  const site = estateConfig.sites[key];
  if (!site) throw new Error(`estate.config.ts has no ${key} site`);
  return site;
}

const cache = new Map<string, Template>();

/**
 * A PrivateDistribution for one site of estate.config.ts, synthesized on its own
 * (the app stacks call the same construct), with a cached, an uncached and the
 * default behavior.
 */
export function siteTemplate(key: SiteKey, domain?: string): Template {
  const cacheKey = `${key}@${domain ?? ''}`;
  const hit = cache.get(cacheKey);
  if (hit) return hit;
  const app = new App({ context: require('../../cdk.json').context });
  const stack = new Stack(app, `Test-${key}`, { env: { region: 'eu-west-1' } });
  const site = siteConfig(key);
  const host = domain && (site.subdomain ? `${site.subdomain}.${domain}` : domain);
  new PrivateDistribution(stack, 'Site', {
    siteKey: key,
    site,
    origin: new HttpOrigin('origin.invalid'),
    logBucket: new s3.Bucket(stack, 'Logs'),
    domain: host
      ? { names: [host], certificate: Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:us-east-1:111111111111:certificate/x') }
      : undefined,
    additionalBehaviors: {
      '/static/*': { caching: 'cached' },
      '/api/*': { caching: 'uncached', allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL },
    },
  });
  const template = Template.fromStack(stack);
  cache.set(cacheKey, template);
  return template;
}

/** One site's cookie-filter pair as shipped: the code string taken from the synthesized template. */
export function siteFilters(key: SiteKey, domain?: string): CookieFilterPair {
  const pairs = cookieFiltersInTemplate(siteTemplate(key, domain).toJSON());
  if (pairs.length !== 1) throw new Error(`expected one distribution for ${key}, found ${pairs.length}`);
  return pairs[0];
}
