import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * Every temporary folder a test creates lands in one folder that
 * global-teardown.ts removes: CDK's `cdk.out*` (an App without `outdir` writes
 * to `mkdtemp(os.tmpdir()/cdk.out)`, aws-cdk-lib core/lib/private/synthesis),
 * the tests' own mkdtemp folders, s3rver data, Chromium profiles. `os.tmpdir()`
 * reads TMPDIR on every call, and jest starts its workers after this runs, so
 * they inherit it.
 */
export default function globalSetup(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'privacy-estate-test-'));
  process.env.ESTATE_TEST_TMPDIR = dir;
  process.env.TMPDIR = dir;
  process.env.TMP = dir;
  process.env.TEMP = dir;
}
