/**
 * Log anonymizer throughput and memory, on a generated ~200 MB (uncompressed)
 * CloudFront log, gzip as CloudFront writes it. Three child processes, each
 * measuring its own wall time and peak RSS:
 *   baseline    file → gunzip → gzip → discard (the floor any streaming rewrite pays)
 *   transform   file → gunzip → anonymize lines → gzip → discard (same I/O as baseline)
 *   end-to-end  anonymizeObject against s3rver on loopback (GET, transform, multipart PUT, DELETE)
 * Targets: transform/baseline ≥ 0.5; end-to-end peak RSS ≤ 150 MB.
 */
import { execFile } from 'child_process';
import { build } from 'esbuild';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Readable, Transform, Writable } from 'stream';
import { pipeline } from 'stream/promises';
import { createGunzip, createGzip } from 'zlib';

const TARGET_BYTES = 200 * 1024 * 1024;
const BUCKET = 'estate-logs-bench';
const KEY = 'cloudfront/main/E2BENCH.2024-05-01-12.0001.gz';

interface ChildResult {
  readonly seconds: number;
  readonly uncompressedBytes: number;
  readonly maxRssMB: number;
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'anonymizer-bench-'));
  try {
    const file = join(dir, 'cloudfront.log.gz');
    const size = await generate(file);
    console.log(`input: ${(size / 1048576).toFixed(0)} MB uncompressed, ${(statSync(file).size / 1048576).toFixed(1)} MB gzip`);
    const script = await bundleChild(dir);
    const baseline = await child(script, 'baseline', file, size);
    const transform = await child(script, 'transform', file, size);
    const endToEnd = await withS3(file, () => child(script, 'end-to-end', file, size));
    const mbps = (r: ChildResult) => r.uncompressedBytes / 1048576 / r.seconds;
    const row = (name: string, r: ChildResult) =>
      console.log(`${name.padEnd(11)} ${mbps(r).toFixed(1).padStart(6)} MB/s  ${r.seconds.toFixed(2).padStart(6)} s  peak RSS ${r.maxRssMB.toFixed(0)} MB`);
    row('baseline', baseline);
    row('transform', transform);
    row('end-to-end', endToEnd);
    const ratio = mbps(transform) / mbps(baseline);
    console.log(`ratio transform/baseline: ${ratio.toFixed(2)} (target ≥ 0.5) ${ratio >= 0.5 ? 'OK' : 'BELOW TARGET'}`);
    console.log(`ratio end-to-end/baseline: ${(mbps(endToEnd) / mbps(baseline)).toFixed(2)}`);
    console.log(`end-to-end peak RSS: ${endToEnd.maxRssMB.toFixed(0)} MB (target ≤ 150) ${endToEnd.maxRssMB <= 150 ? 'OK' : 'ABOVE TARGET'}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes a gzip CloudFront log of about TARGET_BYTES uncompressed; returns the uncompressed size. */
async function generate(file: string): Promise<number> {
  const { cloudFrontLog } = await import('../test/log-tooling/support/fixtures');
  let written = 0;
  let seed = 1;
  async function* batches(): AsyncGenerator<Buffer> {
    while (written < TARGET_BYTES) {
      const { text } = cloudFrontLog(5000, seed);
      // One header per file, as CloudFront writes it.
      const body = Buffer.from(seed === 1 ? text : text.slice(text.indexOf('\n', text.indexOf('#Fields')) + 1));
      seed++;
      written += body.length;
      yield body;
    }
  }
  await pipeline(Readable.from(batches()), createGzip(), createWriteStream(file));
  return written;
}

/** Runs s3rver in this process (so it is not in the child's RSS) with the input uploaded. */
async function withS3(file: string, body: () => Promise<ChildResult>): Promise<ChildResult> {
  const { startLoopbackS3 } = await import('../test/log-tooling/support/s3-server');
  const { PutObjectCommand } = await import('@aws-sdk/client-s3');
  const server = await startLoopbackS3([BUCKET]);
  try {
    // A Buffer, not a stream: the SDK would send a stream aws-chunked, which s3rver stores verbatim.
    await server.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: KEY, Body: readFileSync(file) }));
    return await body(); // the server set AWS_ENDPOINT_URL_S3 and credentials in process.env
  } finally {
    await server.stop();
  }
}

/**
 * This file bundled by esbuild into plain JavaScript, as the Lambda function is: the
 * children then run without ts-node and the TypeScript compiler in their memory.
 */
async function bundleChild(dir: string): Promise<string> {
  const outfile = join(dir, 'child.js');
  await build({ entryPoints: [__filename], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile, logLevel: 'error' });
  return outfile;
}

/** Runs one measurement in a fresh process (asynchronously: s3rver in this process must keep serving). */
function child(script: string, mode: string, file: string, uncompressedBytes: number): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [script, 'child', mode, file, String(uncompressedBytes)], { env: process.env }, (error, stdout, stderr) => {
      if (error) reject(new Error(`bench child ${mode} failed:\n${stderr}`));
      else resolve(JSON.parse(stdout.trim().split('\n').pop()!) as ChildResult);
    });
  });
}

/** Counts bytes and drops them. */
function discard(counter: { bytes: number }): Writable {
  return new Writable({
    write(chunk: Buffer, _enc, cb) {
      counter.bytes += chunk.length;
      cb();
    },
  });
}

async function childMain(mode: string, file: string, uncompressedBytes: number): Promise<void> {
  const { LineTransform } = await import('../lambda/log-anonymizer/lines');
  const { lineAnonymizer } = await import('../lambda/log-anonymizer/formats');
  const start = process.hrtime.bigint();
  const plain = { bytes: 0 };
  const countPlain = () =>
    new Transform({
      transform(chunk: Buffer, _enc, cb) {
        plain.bytes += chunk.length;
        cb(null, chunk);
      },
    });
  if (mode === 'baseline') {
    await pipeline(createReadStream(file), createGunzip(), countPlain(), createGzip(), discard({ bytes: 0 }));
  } else if (mode === 'transform') {
    const a = lineAnonymizer('cloudfront');
    await pipeline(createReadStream(file), createGunzip(), countPlain(), new LineTransform((l) => a.line(l)), createGzip(), discard({ bytes: 0 }));
  } else {
    const { S3Client } = await import('@aws-sdk/client-s3');
    const { anonymizeObject } = await import('../lambda/log-anonymizer/anonymize-object');
    const outcome = await anonymizeObject(new S3Client({}), BUCKET, KEY, { sites: {}, s3Access: 'truncate' });
    if (outcome.status !== 'anonymized') throw new Error(`unexpected outcome ${JSON.stringify(outcome)}`);
    plain.bytes = uncompressedBytes;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const result: ChildResult = { seconds, uncompressedBytes: plain.bytes, maxRssMB: peakRssMB() };
  console.log(JSON.stringify(result));
}

/**
 * This process's own peak RSS. Not resourceUsage().maxRSS: Linux carries that
 * figure across exec, so a child would report its parent's peak. VmHWM belongs
 * to the address space, which exec replaces.
 */
function peakRssMB(): number {
  const status = readFileSync('/proc/self/status', 'utf8');
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]);
  return Number.isFinite(kb) ? kb / 1024 : process.resourceUsage().maxRSS / 1024;
}

if (require.main === module && process.argv[2] === 'child') {
  childMain(process.argv[3], process.argv[4], Number(process.argv[5])).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
