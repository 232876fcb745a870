import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export interface TlsIdentity {
  readonly key: string;
  readonly cert: string;
}

/**
 * A throw-away self-signed certificate for the local edge, made at start with the
 * `openssl` command (Debian's openssl package): the edge serves HTTPS like
 * CloudFront does, so Secure cookies, Django's `request.is_secure()` and its CSRF
 * Origin/Referer checks behave as in production. Browsers must be told to accept
 * it (Playwright: `ignoreHTTPSErrors`). Nothing is written outside a temporary
 * folder, which is removed before returning.
 */
export function selfSignedCertificate(domain: string): TlsIdentity {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'estate-edge-tls-'));
  try {
    const keyFile = path.join(dir, 'key.pem');
    const certFile = path.join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
        '-keyout', keyFile, '-out', certFile, '-days', '2',
        '-subj', `/CN=${domain}`,
        '-addext', `subjectAltName=DNS:${domain},DNS:*.${domain},DNS:localhost,IP:127.0.0.1`,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    return { key: fs.readFileSync(keyFile, 'utf8'), cert: fs.readFileSync(certFile, 'utf8') };
  } catch (e) {
    throw new Error(`local edge: could not make a TLS certificate with openssl (install Debian's openssl package): ${(e as Error).message}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
