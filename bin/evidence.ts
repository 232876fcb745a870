#!/usr/bin/env node
import * as path from 'path';
import { parseArgs } from 'util';
import { collectEvidence } from '../lib/evidence';
import { runCommand, UsageError } from '../lib/ops/cli';

const USAGE = `Usage: npm run evidence -- <url> [--pages <n>] [--out <dir>]

Crawls a site in headless Chromium and writes evidence.json and evidence.html
(with a screenshot per page): cookies, storage, requested hosts, security and
privacy headers, and whether legacy analytics cookies are expired.
  <url>          the site to visit, http:// or https://
  --pages <n>    pages to visit, following same-site links (default 10)
  --out <dir>    folder for the report (default evidence)`;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { pages: { type: 'string', default: '10' }, out: { type: 'string', default: 'evidence' } },
  });
  const url = positionals[0];
  if (!url || !/^https?:\/\//.test(url)) throw new UsageError('give the site URL, e.g. npm run evidence -- https://example.org/ --pages 10 --out evidence');
  const pages = Number(values.pages);
  if (!Number.isInteger(pages) || pages < 1) throw new UsageError(`--pages ${values.pages}: give a whole number of pages ≥ 1.`);
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

void runCommand(main, USAGE);
