import { execFileSync } from 'child_process';
import { createHmac } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FILL_PLACEHOLDERS_PY } from '../../lib/forum/fill-placeholders';

/**
 * The boot-time filler runs in the real python3. The AWS CLI it calls cannot reach
 * AWS here, so a stand-in `aws` on PATH prints what SSM and Secrets Manager return.
 */
export const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
export const KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
export const CLOUDFRONT_HOST = 'forum-d111111abcdef8.cloudfront.net';

/** SES's documented SMTP password derivation, written independently in Node. */
export function sesSmtpPassword(secretKey: string, region: string): string {
  let sig = createHmac('sha256', `AWS4${secretKey}`).update('11111111').digest();
  for (const part of [region, 'ses', 'aws4_request', 'SendRawEmail']) sig = createHmac('sha256', sig).update(part).digest();
  return Buffer.concat([Buffer.from([0x04]), sig]).toString('base64');
}

/** The interpreter itself, not a version-manager shim that would put its own `aws` first on PATH. */
export const PYTHON = execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim();

/** A temporary folder with the filler as fill.py and the stand-in `aws`. */
export function fillWorkdir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'forum-fill-'));
  fs.writeFileSync(path.join(dir, 'fill.py'), FILL_PLACEHOLDERS_PY);
  const aws = [
    '#!/bin/sh',
    'case "$*" in',
    `  *get-parameter*) echo '${CLOUDFRONT_HOST}' ;;`,
    `  *get-secret-value*) echo '${JSON.stringify({ accessKeyId: KEY_ID, secretAccessKey: SECRET_KEY })}' ;;`,
    '  *) exit 1 ;;',
    'esac',
  ].join('\n');
  fs.writeFileSync(path.join(dir, 'aws'), aws, { mode: 0o755 });
  return dir;
}
