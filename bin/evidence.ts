#!/usr/bin/env node
/**
 * npm run evidence -- <url> [--site main|appman|forum] [--pages <n>] [--out <dir>] [--ignore-https-errors]
 * Crawls a site in headless Chromium and writes evidence.json and evidence.html
 * (with a screenshot per page); with a site of the estate, judges it against the
 * site's disclosure and exits 1 when a check fails.
 */
import { estateConfig } from '../estate.config';
import { EVIDENCE_USAGE, evidenceCommand } from '../lib/evidence/command';
import { runCommand } from '../lib/log-tooling/cli';

void runCommand(() => evidenceCommand(process.argv.slice(2), { config: estateConfig, out: console.log, err: console.error }), EVIDENCE_USAGE);
