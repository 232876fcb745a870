import * as fs from 'fs';
import * as path from 'path';
import * as mime from 'mime-types';
import { Origin } from './origin';

/**
 * Content-Type per file from a maintained database (mime-db, through mime-types), not
 * a hand list. The deployment's `aws s3 sync` guesses types with Python's mimetypes
 * table; both name the web types generators emit the same way. An unknown or missing
 * extension gets application/octet-stream, the type S3 stores when none is given.
 */
function contentType(file: string): string {
  return mime.contentType(path.basename(file)) || 'application/octet-stream';
}

/**
 * The private content bucket behind origin access control, as the deployment
 * fills it: the object key is the path without its leading slash (no index
 * documents, no directory listing), and a missing key answers 403, because OAC
 * grants GetObject but not ListBucket. Files are read on every request, so a
 * change to the content folder shows on the next reload.
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
        const type = contentType(file);
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
