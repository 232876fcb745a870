#!/usr/bin/env node
import * as path from 'path';
import { SITE_KEYS, SiteKey } from '../lib/config';
import { ensurePortFree, runCommand, UsageError } from '../lib/log-tooling/cli';
import { DEFAULT_PREVIEW_DOMAIN, startPreview } from '../lib/preview';
import { parseArgs } from 'util';

const USAGE = `Usage: npm run preview -- [--site main|appman|forum] [--content <dir>] [--origin <url>] [--port <n>] [--domain <name>]

Serves a site through the estate's CloudFront Functions and response headers
policy exactly as the synthesized template ships them, on 127.0.0.1.
  --site <key>      main (default), appman or forum
  --content <dir>   folder to serve as the main site instead of the config's contentDir
  --origin <url>    put a running app (e.g. http://127.0.0.1:8000) behind the edge, served
                    over HTTPS with a certificate generated at start (default: the stand-in)
  --port <n>        TCP port (default 8080; 0 picks a free one)
  --domain <name>   domain the sites are served under (default ${DEFAULT_PREVIEW_DOMAIN})
Stops on Ctrl-C (SIGINT) or SIGTERM.`;

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
  if (!SITE_KEYS.includes(site)) throw new UsageError(`--site ${values.site}: use one of ${SITE_KEYS.join(', ')}.`);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port ${values.port}: give a TCP port number (0 picks a free one).`);
  // Before the synth, so a busy port is reported in a second rather than after it.
  await ensurePortFree(port);
  const preview = await startPreview({
    site,
    port,
    domain: values.domain,
    contentDir: values.content ? path.resolve(values.content) : undefined,
    origin: values.origin,
  });
  // Handlers first: whoever reads the URL line below may signal at once.
  const stop = () => void preview.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.stdout.write(
    `${site} site through the local edge (functions and headers from ${preview.edge.stackName}${preview.standIn ? ', stand-in distribution' : ''}${values.origin ? `, origin ${values.origin}, self-signed certificate` : ''}):\n` +
      `  ${preview.url}\n` +
      `*.localhost resolves to this machine in Chromium and Firefox; with curl: curl${values.origin ? ' -k' : ''} --resolve ${preview.host}:${preview.port}:127.0.0.1 ${preview.url}\n`,
  );
}

void runCommand(main, USAGE);
