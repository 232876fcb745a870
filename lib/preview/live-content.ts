import * as fs from 'fs';
import * as path from 'path';
import { EstateConfig } from '../config';

const REPO_ROOT = path.join(__dirname, '..', '..');

/** The main site's content folder, as the config names it (relative to the repository). */
export function liveContentDir(config: EstateConfig): string {
  return path.resolve(REPO_ROOT, config.sites.main.contentDir);
}

/**
 * The main site's deployment sources with the first one, the staged copy of the
 * content folder (lib/main-site/main-site-stack.ts lists it first), replaced by the
 * folder itself: pages edited or rebuilt show on the next reload. The generated
 * sources (privacy page, GPC file, a plain 404 page) stay as synthesized.
 * Files the deployment excludes (the `_redirects` list) are in the staged copy's
 * place only when they exist, so they are checked against it once, here.
 */
export function liveContentDirs(staged: readonly string[], config: EstateConfig): string[] {
  const live = liveContentDir(config);
  const [content, ...generated] = staged;
  const listing = (dir: string) => fs.readdirSync(dir).filter((f) => f !== '_redirects').sort().join('\n');
  if (!content || listing(content) !== listing(live)) {
    throw new Error(`preview: the first content source of the main site is not ${live}; keep the content folder first in the deployment's sources.`);
  }
  return [live, ...generated];
}
