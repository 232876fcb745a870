import * as fs from 'fs';

/** Removes the run's temporary folder (see global-setup.ts), whatever the tests left in it. */
export default function globalTeardown(): void {
  const dir = process.env.ESTATE_TEST_TMPDIR;
  if (dir && /privacy-estate-test-/.test(dir)) fs.rmSync(dir, { recursive: true, force: true });
}
