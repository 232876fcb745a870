import * as fs from 'fs';
import * as path from 'path';
import { EstateConfig, siteHostName } from '../config';
import { ContentScanError, scanContent, unacknowledged } from './content-scan';
import { RedirectMap, siteRedirects } from './redirects';

/** The page CloudFront answers every missing key with (status 404). */
export const NOT_FOUND_PAGE = '404.html';

export interface SiteContent {
  /** Absolute path of the content folder. */
  readonly dir: string;
  readonly redirects: RedirectMap;
  /** The content's own 404 page; when absent the estate publishes notFoundPage(). */
  readonly hasNotFoundPage: boolean;
}

/**
 * Reads the main site's content folder at synth: its redirects (validated), and
 * the content scan, which throws ContentScanError before any template is written
 * when a page would load a third party, run inline script or carry analytics.
 */
export function prepareSiteContent(config: EstateConfig, repoRoot: string): SiteContent {
  const site = config.sites.main;
  const dir = path.resolve(repoRoot, site.contentDir);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new Error(`sites.main.contentDir: ${JSON.stringify(site.contentDir)} is not a folder (resolved to ${dir}); build the site first or fix the path.`);
  }
  const redirects = siteRedirects(site, dir);
  const host = siteHostName(config, 'main');
  const found = scanContent(dir, { ownHosts: host ? [host] : [], redirected: Object.keys(redirects) });
  const acks = site.contentScanAcknowledgments ?? [];
  acks.forEach((a, i) => {
    if (!a.reason?.trim()) throw new Error(`sites.main.contentScanAcknowledgments[${i}].reason: empty; say why ${a.file}'s findings are acceptable.`);
  });
  const { findings, stale } = unacknowledged(found, acks);
  if (stale.length > 0) {
    throw new Error(`sites.main.contentScanAcknowledgments: ${stale.map((a) => a.file).join(', ')} ha${stale.length === 1 ? 's' : 've'} no content-scan finding; remove the acknowledgment.`);
  }
  if (findings.length > 0) throw new ContentScanError(findings, dir);
  return { dir, redirects, hasNotFoundPage: fs.existsSync(path.join(dir, NOT_FOUND_PAGE)) };
}

/** A plain 404 page for content that brings none: no script, no style, nothing loaded. */
export function notFoundPage(config: EstateConfig): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Page not found</title></head>',
    '<body>',
    '<h1>Page not found</h1>',
    `<p>There is no page at this address on ${escapeHtml(config.sites.main.title)}. Go to the <a href="/">home page</a>.</p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
