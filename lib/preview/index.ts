import * as http from 'http';
import { estateConfig } from '../../estate.config';
import { EstateConfig, SiteKey, siteHostName } from '../config';
import { customOrigin } from './custom-origin';
import { EdgeTarget, listen, portOf } from './edge-server';
import { SiteEdge, findSiteEdge } from './site-edge';
import { forumStandIn } from './forum-stand-in';
import { standInOrigin } from './stand-in-origin';
import { standInSiteEdge } from './stand-in-stack';
import { staticOrigin } from './static-origin';
import { synthesizeEstate } from './synth';
import { liveContentDir, liveContentDirs } from './live-content';
import { watchRoutingFiles } from './routing-reload';
import { selfSignedCertificate } from './tls';

export { STAND_IN_PAGES } from './stand-in-origin';
export { FORUM_SCRIPT_COOKIE_DAYS, FORUM_STAND_IN_PATHS } from './forum-stand-in';

// One synth per distinct config per process: a test file previews several sites of one estate.
const synthesized = new Map<string, ReturnType<typeof synthesizeEstate>>();
/** The preview's synth of `config` (cached per process): tests read the same templates the edge runs. */
export function synthesizeOnce(config: EstateConfig): ReturnType<typeof synthesizeEstate> {
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
  /**
   * A running app (http://host:port) to put behind the edge instead of the stand-in;
   * the edge then serves HTTPS with a certificate made at start. @default the stand-in
   */
  readonly origin?: string;
  /**
   * Where the preview reports that it rebuilt the main site's routes (or could not).
   * @default standard error
   */
  readonly log?: (line: string) => void;
  /**
   * Serve an app site through the stand-in that sets every declared and rogue cookie on
   * every page (cookie-filter tests), also for the forum, which otherwise gets the
   * Discourse-like stand-in (lib/preview/forum-stand-in.ts). @default false
   */
  readonly rogueStandIn?: boolean;
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

/** The estate config the preview synthesizes: the given one under the preview domain. */
export function previewConfig(o: Pick<PreviewOptions, 'domain' | 'config' | 'contentDir'> = {}): EstateConfig {
  const base = o.config ?? estateConfig;
  return {
    ...base,
    domain: { name: o.domain ?? DEFAULT_PREVIEW_DOMAIN, hostedZoneId: 'ZPREVIEW' },
    sites: o.contentDir ? { ...base.sites, main: { ...base.sites.main, contentDir: o.contentDir } } : base.sites,
  };
}

/**
 * Synthesizes the estate with the preview domain, takes the site's functions and
 * policies from the template, and serves the site through them on loopback.
 */
export async function startPreview(o: PreviewOptions): Promise<Preview> {
  const domain = o.domain ?? DEFAULT_PREVIEW_DOMAIN;
  const config = previewConfig(o);
  const site = config.sites[o.site];
  if (!site) throw new Error(`--site ${o.site}: the estate config has no sites.${o.site}; configure it in estate.config.ts.`);
  const { assembly } = synthesizeOnce(config);
  const found = findSiteEdge(assembly, o.site);
  const edge = found ?? standInSiteEdge(config, o.site);
  if (o.site === 'main' && edge.contentDirs.length === 0) throw new Error('main site: the template deploys no content');
  if (o.origin && o.site === 'main') throw new Error('--origin: the main site is served from its content bucket; use --content <dir> instead.');
  const custom = o.origin ? customOrigin(o.origin) : undefined;
  const origin = custom?.origin ?? (o.site === 'main'
      ? staticOrigin(liveContentDirs(edge.contentDirs, config))
      : o.site === 'forum' && !o.rogueStandIn
        ? forumStandIn()
        : standInOrigin(site, domain));
  const tls = custom ? selfSignedCertificate(domain) : undefined;
  let target: EdgeTarget = { edge, origin };
  const server: http.Server = await listen(() => target, o.port ?? 0, { tls, originHost: custom?.host });
  const stopWatching =
    o.site === 'main'
      ? watchRoutingFiles(liveContentDir(config), (files) => {
          target = rebuiltMainSite(config, target, files, o.log ?? ((line) => process.stderr.write(`${line}\n`)));
        })
      : undefined;
  const port = portOf(server);
  const host = siteHostName(config, o.site)!;
  return {
    url: `${tls ? 'https' : 'http'}://${host}:${port}/`,
    host,
    port,
    domain,
    standIn: !found,
    get edge() {
      return target.edge;
    },
    close: () =>
      new Promise<void>((resolve) => {
        stopWatching?.();
        server.close(() => resolve());
        // Open keep-alive or half-sent requests would otherwise hold the process for up to a minute.
        server.closeAllConnections();
      }),
  };
}

/**
 * The main site's edge and content after a routing file changed: the estate is
 * synthesized again (not from the per-process cache) and both are swapped in. If
 * the new synth fails (say a `_redirects` line is refused), the error is logged
 * and the previous routes stay.
 */
function rebuiltMainSite(config: EstateConfig, previous: EdgeTarget, files: string, log: (line: string) => void): EdgeTarget {
  try {
    const edge = findSiteEdge(synthesizeEstate(config).assembly, 'main');
    if (!edge) throw new Error('the estate no longer has a main site');
    log(`preview: ${files} changed; redirects and the 404 page rebuilt.`);
    return { edge, origin: staticOrigin(liveContentDirs(edge.contentDirs, config)) };
  } catch (e) {
    const reason = (e as Error).message.trim().replace(/\s*\n\s*/g, ' ');
    log(`preview: ${files} changed, but the estate does not synthesize: ${reason} Still serving the previous routes.`);
    return previous;
  }
}
