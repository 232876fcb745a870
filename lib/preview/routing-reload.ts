import * as fs from 'fs';

/**
 * The files of the main site's content folder that the synth reads (they become
 * the viewer-request function's routes and the distribution's 404 page), unlike
 * pages, which the preview reads from the folder on every request.
 */
export const ROUTING_FILES = ['_redirects', '404.html'];

/** How long to wait after the last change: editors and site builders write a file in several steps. */
const SETTLE_MS = 250;

/**
 * Calls `rebuild` once a routing file of `contentDir` has been created, changed
 * or removed and left alone for a moment. Returns a function that stops watching.
 */
export function watchRoutingFiles(contentDir: string, rebuild: (file: string) => void): () => void {
  let timer: NodeJS.Timeout | undefined;
  const changed = new Set<string>();
  const watcher = fs.watch(contentDir, (_event, filename) => {
    const file = filename?.toString();
    if (!file || !ROUTING_FILES.includes(file)) return;
    changed.add(file);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      const files = [...changed].join(' and ');
      changed.clear();
      rebuild(files);
    }, SETTLE_MS);
  });
  return () => {
    if (timer) clearTimeout(timer);
    watcher.close();
  };
}
