import { estateConfig } from '../estate.config';
import { collectEvidence, launchChromium, siteExpectations } from '../lib/evidence';
import { Preview, startPreview } from '../lib/preview';
import { SiteKey } from '../lib/config';
import { median } from './timing';

const SITES: SiteKey[] = ['main', 'appman', 'forum'];
const ROUNDS = Number(process.env.EVIDENCE_BENCH_ROUNDS ?? 3);

/**
 * Where the browser tests spend their time, and what recording breakage costs:
 * the estate's crawl (three sites through the local edge) in `full` mode (CSP,
 * console, request outcomes, frames, mixed content, link checks, verdict) against
 * `baseline` mode (the collector as it was before), alternated in one run so both
 * see the same machine load.
 */
export async function run(): Promise<void> {
  let t = Date.now();
  const previews: Preview[] = [];
  for (const site of SITES) previews.push(await startPreview({ site }));
  const startMs = Date.now() - t;
  t = Date.now();
  const browser = await launchChromium();
  const launchMs = Date.now() - t;
  const times: Record<'baseline' | 'full', number[]> = { baseline: [], full: [] };
  let pages = 0;
  let links = 0;
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const mode of ['baseline', 'full'] as const) {
        t = Date.now();
        pages = 0;
        links = 0;
        for (const [i, site] of SITES.entries()) {
          const p = previews[i];
          const expect = mode === 'full' ? siteExpectations(estateConfig, site, p.edge) : undefined;
          const e = await collectEvidence(p.url, { pages: 10, browser, mode, ignoreHTTPSErrors: true, expect });
          if (mode === 'full' && !e.verdict!.passed) throw new Error(`${site}: the verdict failed during the benchmark`);
          pages += e.pages.length;
          links += e.links.filter((l) => l.check).length;
        }
        times[mode].push(Date.now() - t);
      }
    }
  } finally {
    await browser.close();
    for (const p of previews) await p.close();
  }
  const base = median(times.baseline);
  const full = median(times.full);
  console.log(`preview start, 3 sites (synth + edge): ${startMs} ms`);
  console.log(`chromium launch:                       ${launchMs} ms`);
  console.log(`estate crawl, ${pages} pages, 3 purge checks (median of ${ROUNDS}):`);
  console.log(`  baseline (before breakage recording): ${base} ms  [${times.baseline.join(', ')}]`);
  console.log(`  full (breakage, ${links} link checks, verdict): ${full} ms  [${times.full.join(', ')}]`);
  console.log(`  full / baseline: ${(full / base).toFixed(2)}×`);
}
