import * as fs from 'fs';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { estateConfig } from '../../estate.config';
import { EstateConfig } from '../../lib/config';
import { createEstate, Estate } from '../../lib/estate';

/** The feature flags bin/ gets from cdk.json, so tests synthesize what `cdk synth` does. */
export function projectContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'cdk.json'), 'utf8'));
  return cdkJson.context;
}

export function testApp(): App {
  return new App({ context: projectContext() });
}

/** A config with a custom domain, as an ops engineer would pass with `-c`. */
export function withDomain(config: EstateConfig = estateConfig): EstateConfig {
  return { ...config, domain: { name: 'example.org', hostedZoneId: 'Z0123456789ABCDEFGHIJ' } };
}

/** Builds the estate exactly as bin/estate.ts does. */
export function buildEstate(config: EstateConfig = estateConfig): { app: App; estate: Estate } {
  const app = testApp();
  const estate = createEstate(app, config);
  return { app, estate };
}
