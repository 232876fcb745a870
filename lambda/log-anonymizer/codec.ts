import { Readable } from 'stream';
import { createGunzip, createGzip } from 'zlib';

/**
 * Compression is detected from the bytes, not the key: CloudFront and load
 * balancer logs are gzip, S3 server access logs are plain text, and a file
 * renamed by hand may be either. Output keeps the input's compression, so the
 * anonymized object's key (and its extension) stays truthful.
 */

const GZIP_MAGIC = [0x1f, 0x8b];

export interface OpenedLog {
  readonly gzip: boolean;
  /** The object's bytes, as read (still compressed if `gzip`). */
  readonly raw: Readable;
}

/** Reads just enough of `body` to see the magic bytes, without buffering the rest. */
export async function sniff(body: AsyncIterable<Uint8Array>): Promise<OpenedLog> {
  const it = body[Symbol.asyncIterator]();
  let head = Buffer.alloc(0);
  let done = false;
  while (head.length < GZIP_MAGIC.length) {
    const next = await it.next();
    if (next.done) {
      done = true;
      break;
    }
    head = Buffer.concat([head, Buffer.from(next.value)]);
  }
  const gzip = head.length >= 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
  async function* all(): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head;
    while (!done) {
      const next = await it.next();
      if (next.done) return;
      yield Buffer.from(next.value);
    }
  }
  return { gzip, raw: Readable.from(all(), { objectMode: false }) };
}

/** The streams that undo and redo the input's compression (none for plain text). */
export function codecStages(gzip: boolean): { decode: NodeJS.ReadWriteStream[]; encode: NodeJS.ReadWriteStream[] } {
  return gzip ? { decode: [createGunzip()], encode: [createGzip()] } : { decode: [], encode: [] };
}

/** zlib's errors for corrupt or truncated gzip data. */
export function isCompressionError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}
