import * as path from 'path';
import { parseArgs } from 'util';
import { EstateConfig, SITE_KEYS, SiteKey } from '../config';
import { UsageError } from '../log-tooling/cli';
import { collectEvidence } from './collect';
import { estateExpectations, siteForHost, SiteExpectations } from './expectations';
import { Evidence } from './types';

export const EVIDENCE_USAGE = `Usage: npm run evidence -- <url> [--site main|appman|forum] [--pages 10] [--out evidence] [--ignore-https-errors]

Crawls the site in headless Chromium and writes evidence.json and evidence.html.
With --site (or when the URL's host is a site of the estate config), judges the
evidence against what the estate declares for that site and exits 1 when any check fails.

  --site <key>             the estate site to judge against (default: found by host name)
  --pages <n>              most pages to visit (default 10)
  --out <dir>              output folder (default evidence)
  --ignore-https-errors    accept any certificate: only for a local preview's self-signed one

Exit codes: 0 every check passed (or no verdict), 1 a check failed or the crawl failed, 2 usage error.`;

export interface EvidenceCommandContext {
  readonly config: EstateConfig;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** How the expectations for a site are built; tests pass the preview's. @default estateExpectations */
  readonly expectations?: (site: SiteKey) => SiteExpectations;
}

/** `npm run evidence`: returns the exit code. */
export async function evidenceCommand(argv: readonly string[], ctx: EvidenceCommandContext): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        pages: { type: 'string', default: '10' },
        out: { type: 'string', default: 'evidence' },
        site: { type: 'string' },
        'ignore-https-errors': { type: 'boolean', default: false },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  const url = positionals[0];
  if (!url || !/^https?:\/\//.test(url)) throw new UsageError('give the site URL, e.g. npm run evidence -- https://example.org/ --site main');
  const pages = Number(values.pages);
  if (!Number.isInteger(pages) || pages < 1) throw new UsageError(`--pages ${values.pages}: give a whole number of pages ≥ 1.`);
  if (values.site !== undefined && !SITE_KEYS.includes(values.site as SiteKey)) {
    throw new UsageError(`--site ${values.site}: use one of ${SITE_KEYS.join(', ')}.`);
  }
  const host = new URL(url).hostname;
  const site = (values.site as SiteKey | undefined) ?? siteForHost(ctx.config, host);
  if (!site) ctx.err(`no verdict: ${host} is not a site of the estate config (domain ${ctx.config.domain?.name ?? 'not set'}); pass --site main|appman|forum to judge it.`);
  const expect = site ? (ctx.expectations ?? ((s: SiteKey) => estateExpectations(ctx.config, s)))(site) : undefined;
  const outDir = path.resolve(values.out!);
  const e = await collectEvidence(url, { pages, outDir, expect, ignoreHTTPSErrors: values['ignore-https-errors'] });
  ctx.out(summary(e, outDir));
  return e.verdict && !e.verdict.passed ? 1 : 0;
}

function summary(e: Evidence, outDir: string): string {
  const third = e.hosts.filter((h) => h.party === 'third' && h.sent > 0);
  const lines = [
    `${e.pages.length} page(s) of ${e.url}`,
    `  cookies: ${e.cookies.length ? e.cookies.map((c) => `${c.name} (${c.domain})`).join(', ') : 'none'}`,
    `  third-party hosts sent to: ${third.length ? third.map((h) => h.host).join(', ') : 'none'}`,
    `  downloads recorded, not opened: ${e.downloads.length}`,
    `  legacy ${e.legacyPurge.seeded.join(', ')}: ${e.legacyPurge.purged ? 'expired after one visit' : `still set: ${e.legacyPurge.remaining.join(', ')}`}`,
  ];
  if (e.verdict) {
    lines.push(`verdict against the ${e.verdict.site} disclosure: ${e.verdict.passed ? 'PASSED' : 'FAILED'}`);
    for (const c of e.verdict.checks) lines.push(`  ${c.passed ? 'pass' : 'FAIL'} ${c.id}: ${c.summary}`);
  }
  lines.push(`written: ${path.join(outDir, 'evidence.json')}, ${path.join(outDir, 'evidence.html')}`);
  return lines.join('\n');
}
