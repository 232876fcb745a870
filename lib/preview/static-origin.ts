import * as fs from 'fs';
import * as path from 'path';
import { Origin } from './origin';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.woff2': 'font/woff2',
};

/**
 * The private content bucket behind origin access control, as the deployment
 * fills it: the object key is the path without its leading slash (no index
 * documents, no directory listing), and a missing key answers 403, because OAC
 * grants GetObject but not ListBucket.
 */
export function staticOrigin(dirs: readonly string[]): Origin {
  return async ({ uri }) => {
    let key: string;
    try {
      key = decodeURIComponent(uri).replace(/^\//, '');
    } catch {
      key = '';
    }
    // Later sources overwrite earlier ones, as BucketDeployment unpacks them in order.
    for (const dir of [...dirs].reverse()) {
      const file = path.join(dir, key);
      if (key && !key.endsWith('/') && file.startsWith(dir + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
        return { status: 200, headers: new Map([['content-type', [type]]]), body: fs.readFileSync(file) };
      }
    }
    return {
      status: 403,
      headers: new Map([['content-type', ['application/xml']]]),
      body: Buffer.from('<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>'),
    };
  };
}
