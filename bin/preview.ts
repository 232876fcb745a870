#!/usr/bin/env node
/**
 * npm run preview -- --site main|appman|forum [--content <dir>] [--origin http://host:port] [--port <n>] [--domain <name>]
 * Serves a site through the estate's CloudFront Functions and response headers
 * policy exactly as the synthesized template ships them.
 */
import * as path from 'path';
import { SITE_KEYS, SiteKey } from '../lib/config';
import { DEFAULT_PREVIEW_DOMAIN, startPreview } from '../lib/preview';
import { parseArgs } from 'util';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      site: { type: 'string', default: 'main' },
      content: { type: 'string' },
      port: { type: 'string', default: '8080' },
      domain: { type: 'string', default: DEFAULT_PREVIEW_DOMAIN },
      origin: { type: 'string' },
    },
  });
  const site = values.site as SiteKey;
  if (!SITE_KEYS.includes(site)) throw new Error(`--site ${values.site}: use one of ${SITE_KEYS.join(', ')}.`);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port ${values.port}: give a TCP port number (0 picks a free one).`);
  const preview = await startPreview({
    site,
    port,
    domain: values.domain,
    contentDir: values.content ? path.resolve(values.content) : undefined,
    origin: values.origin,
  });
  process.stdout.write(
    `${site} site through the local edge (functions and headers from ${preview.edge.stackName}${preview.standIn ? ', stand-in distribution' : ''}${values.origin ? `, origin ${values.origin}, self-signed certificate` : ''}):\n` +
      `  ${preview.url}\n` +
      `*.localhost resolves to this machine in Chromium and Firefox; with curl: curl${values.origin ? ' -k' : ''} --resolve ${preview.host}:${preview.port}:127.0.0.1 ${preview.url}\n`,
  );
  const stop = () => void preview.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: Error) => {
  process.stderr.write(`preview: ${e.message}\n`);
  process.exit(1);
});
