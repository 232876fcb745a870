import { Stack } from 'aws-cdk-lib';
import { HttpOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { EstateConfig, SiteKey } from '../config';
import { PrivateDistribution } from '../constructs/private-distribution';
import { findSiteEdge, SiteEdge } from './site-edge';
import { previewApp } from './synth';

/**
 * For a site the estate does not deploy yet: the site behind a
 * PrivateDistribution — the one way the estate puts any site behind CloudFront —
 * synthesized on its own, so the preview still runs the functions and policies
 * that site would ship with.
 */
export function standInSiteEdge(config: EstateConfig, key: SiteKey): SiteEdge {
  const site = config.sites[key];
  if (!site) throw new Error(`--site ${key}: the estate config has no sites.${key}; configure it in estate.config.ts.`);
  const app = previewApp('estate-stand-in-');
  const stack = new Stack(app, `${config.name}-Preview-${key}`, { env: { account: config.account, region: config.region } });
  new PrivateDistribution(stack, 'Site', {
    siteKey: key,
    site,
    origin: new HttpOrigin('origin.invalid'),
    logBucket: s3.Bucket.fromBucketName(stack, 'Logs', 'preview-logs'),
    cookieDomain: config.domain?.name,
  });
  const edge = findSiteEdge(app.synth(), key);
  if (!edge) throw new Error(`stand-in for ${key}: no distribution with comment "${key} site" was synthesized`);
  return edge;
}
