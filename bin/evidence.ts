#!/usr/bin/env node
/**
 * npm run evidence -- <url> [--pages <n>] [--out <dir>]
 * Crawls a site in headless Chromium and writes evidence.json and evidence.html
 * (with a screenshot per page): cookies, storage, requested hosts, security and
 * privacy headers, and whether legacy analytics cookies are expired.
 */
import * as path from 'path';
import { parseArgs } from 'util';
import { collectEvidence } from '../lib/evidence';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { pages: { type: 'string', default: '10' }, out: { type: 'string', default: 'evidence' } },
  });
  const url = positionals[0];
  if (!url || !/^https?:\/\//.test(url)) throw new Error('give the site URL, e.g. npm run evidence -- https://example.org/ --pages 10 --out evidence');
  const pages = Number(values.pages);
  if (!Number.isInteger(pages) || pages < 1) throw new Error(`--pages ${values.pages}: give a whole number of pages ≥ 1.`);
  const outDir = path.resolve(values.out!);
  const e = await collectEvidence(url, { pages, outDir });
  const third = e.hosts.filter((h) => h.party === 'third');
  const storage = e.pages.reduce((n, p) => n + p.localStorage.length + p.sessionStorage.length, 0);
  process.stdout.write(
    `${e.pages.length} page(s) of ${e.url}\n` +
      `  cookies: ${e.cookies.length ? e.cookies.map((c) => `${c.name} (${c.domain})`).join(', ') : 'none'}\n` +
      `  storage keys: ${storage}\n` +
      `  third-party hosts: ${third.length ? third.map((h) => h.host).join(', ') : 'none'}\n` +
      `  legacy ${e.legacyPurge.seeded.join(', ')}: ${e.legacyPurge.purged ? 'expired after one visit' : `still set: ${e.legacyPurge.remaining.join(', ')}`}\n` +
      `  written: ${path.join(outDir, 'evidence.json')}, ${path.join(outDir, 'evidence.html')}\n`,
  );
}

main().catch((e: Error) => {
  process.stderr.write(`evidence: ${e.message}\n`);
  process.exit(1);
});
