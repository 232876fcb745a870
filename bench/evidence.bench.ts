import { collectEvidence, launchChromium } from '../lib/evidence';
import { startPreview } from '../lib/preview';

/** Where the browser tests spend their time: synth + local edge start, browser launch, one crawl. */
export async function run(): Promise<void> {
  let t = Date.now();
  const preview = await startPreview({ site: 'main' });
  const startMs = Date.now() - t;
  t = Date.now();
  const browser = await launchChromium();
  const launchMs = Date.now() - t;
  try {
    t = Date.now();
    const e = await collectEvidence(preview.url, { pages: 6, browser });
    const crawlMs = Date.now() - t;
    console.log(`preview start (synth + edge):   ${startMs} ms`);
    console.log(`chromium launch:                ${launchMs} ms`);
    console.log(`crawl of ${e.pages.length} pages + purge check: ${crawlMs} ms (${Math.round(crawlMs / (e.pages.length + 1))} ms per page load)`);
  } finally {
    await browser.close();
    await preview.close();
  }
}
