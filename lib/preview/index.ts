import * as http from 'http';
import { estateConfig } from '../../estate.config';
import { EstateConfig, SiteKey, siteHostName } from '../config';
import { listen, portOf } from './edge-server';
import { SiteEdge, findSiteEdge } from './site-edge';
import { standInOrigin } from './stand-in-origin';
import { standInSiteEdge } from './stand-in-stack';
import { staticOrigin } from './static-origin';
import { synthesizeEstate } from './synth';
import { liveContentDirs } from './live-content';

export { STAND_IN_PAGES } from './stand-in-origin';

// One synth per distinct config per process: a test file previews several sites of one estate.
const synthesized = new Map<string, ReturnType<typeof synthesizeEstate>>();
function synthesizeOnce(config: EstateConfig): ReturnType<typeof synthesizeEstate> {
  const key = JSON.stringify(config);
  if (!synthesized.has(key)) synthesized.set(key, synthesizeEstate(config));
  return synthesized.get(key)!;
}

/** Served under *.localhost: browsers resolve it to loopback and treat it as a secure context. */
export const DEFAULT_PREVIEW_DOMAIN = 'estate.localhost';

export interface PreviewOptions {
  readonly site: SiteKey;
  /** Folder to serve as the main site's content. @default the config's contentDir */
  readonly contentDir?: string;
  /** @default 0 (any free port) */
  readonly port?: number;
  /** Registrable domain the sites are served under. @default DEFAULT_PREVIEW_DOMAIN */
  readonly domain?: string;
  /** @default the repository's estate.config.ts */
  readonly config?: EstateConfig;
}

export interface Preview {
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly domain: string;
  readonly edge: SiteEdge;
  /** True when the estate has no stack for the site and a stand-in PrivateDistribution was synthesized. */
  readonly standIn: boolean;
  close(): Promise<void>;
}

/**
 * Synthesizes the estate with the preview domain, takes the site's functions and
 * policies from the template, and serves the site through them on loopback.
 */
export async function startPreview(o: PreviewOptions): Promise<Preview> {
  const domain = o.domain ?? DEFAULT_PREVIEW_DOMAIN;
  const base = o.config ?? estateConfig;
  const config: EstateConfig = {
    ...base,
    domain: { name: domain, hostedZoneId: 'ZPREVIEW' },
    sites: o.contentDir ? { ...base.sites, main: { ...base.sites.main, contentDir: o.contentDir } } : base.sites,
  };
  const site = config.sites[o.site];
  if (!site) throw new Error(`--site ${o.site}: the estate config has no sites.${o.site}; configure it in estate.config.ts.`);
  const { assembly } = synthesizeOnce(config);
  const found = findSiteEdge(assembly, o.site);
  const edge = found ?? standInSiteEdge(config, o.site);
  if (o.site === 'main' && edge.contentDirs.length === 0) throw new Error('main site: the template deploys no content');
  const origin = o.site === 'main' ? staticOrigin(liveContentDirs(edge.contentDirs, config)) : standInOrigin(site, domain);
  const server: http.Server = await listen(edge, origin, o.port ?? 0);
  const port = portOf(server);
  const host = siteHostName(config, o.site)!;
  return {
    url: `http://${host}:${port}/`,
    host,
    port,
    domain,
    edge,
    standIn: !found,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Open keep-alive or half-sent requests would otherwise hold the process for up to a minute.
        server.closeAllConnections();
      }),
  };
}
