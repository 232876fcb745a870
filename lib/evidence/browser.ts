import * as fs from 'fs';
import { Browser, chromium } from 'playwright-core';

/** Debian's Chromium package; no browser is ever downloaded. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** Flags for a quiet, reproducible headless run: the browser itself makes no requests of its own. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
}

/** Fails, never skips, when there is no browser: the message says how to get one. */
export function requireChromium(executable = chromiumPath()): string {
  if (!fs.existsSync(executable)) {
    throw new Error(
      `No Chromium at ${executable}. Install Debian's package: "sudo apt-get update && sudo apt-get install -y chromium" ` +
        '(.ci/run does this), or point CHROMIUM_PATH at a Chromium binary.',
    );
  }
  return executable;
}

export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: requireChromium(), args: [...CHROMIUM_ARGS, ...extraArgs] });
}
