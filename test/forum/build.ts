import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { estateConfig } from '../../estate.config';
import { EstateConfig } from '../../lib/config';
import { createEstate } from '../../lib/estate';
import { ForumStack } from '../../lib/forum/forum-stack';

export const DOMAIN = { name: 'example.org', hostedZoneId: 'Z0123456789ABCDEFGHIJ' };

/** The estate built exactly as bin/ builds it; returns the forum stack and its template. */
export function buildForum(config: EstateConfig = estateConfig): { app: App; stack: ForumStack; template: Template; network: Template } {
  const app = new App({ context: require('../../cdk.json').context });
  const estate = createEstate(app, config);
  if (!estate.forum) throw new Error('estate.config.ts configures no forum (sites.forum)');
  return { app, stack: estate.forum, template: Template.fromStack(estate.forum), network: Template.fromStack(estate.network!) };
}

export function withDomain(config: EstateConfig = estateConfig): EstateConfig {
  return { ...config, domain: DOMAIN };
}
