import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { mkdtempSync, rmSync } from 'fs';
import { Agent, IncomingMessage, ServerResponse, createServer, request } from 'http';
import { AddressInfo } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';

/**
 * A real S3-compatible server on loopback (s3rver, on disk in a temp folder),
 * behind a small front that does two things s3rver cannot:
 * - answers bucket sub-resources s3rver does not implement (lifecycle, public
 *   access block, encryption; location per bucket) with recorded S3 responses,
 *   so the real SDK parses real S3 XML;
 * - fails chosen requests, to prove a failure mid-run leaves objects whole.
 * The tools under test reach it only through the SDK's standard environment
 * (AWS_ENDPOINT_URL_S3, AWS_REGION, credentials), as they would reach AWS.
 */

// s3rver ships no types; this is the part of its API used here.
interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('s3rver') as new (options: object) => S3rverInstance;

export interface Recorded {
  readonly status: number;
  readonly body: string;
}

/** Decides whether the front fails a request (method, path with query) instead of passing it on. */
export type Fault = (method: string, url: string) => boolean;

export interface LoopbackS3 {
  readonly endpoint: string;
  readonly client: S3Client;
  /** Recorded answers by `<bucket>?<sub-resource>`, e.g. `logs-bucket?lifecycle`. */
  readonly recorded: Map<string, Recorded>;
  fault?: Fault;
  stop(): Promise<void>;
}

const ENV_KEYS = ['AWS_ENDPOINT_URL_S3', 'AWS_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE'];

export async function startLoopbackS3(buckets: readonly string[]): Promise<LoopbackS3> {
  const directory = mkdtempSync(join(tmpdir(), 's3rver-'));
  const s3rver = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
  const backend = await s3rver.run();
  const recorded = new Map<string, Recorded>();
  const state: { fault?: Fault } = {};
  // No pooled connections to s3rver: an idle keep-alive socket would hold its close() open.
  const agent = new Agent({ keepAlive: false });

  const front = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://loopback');
    const bucket = url.pathname.split('/')[1];
    const sub = [...url.searchParams.keys()].find((k) => recorded.has(`${bucket}?${k}`));
    if (state.fault?.(req.method ?? 'GET', req.url ?? '/')) {
      req.resume();
      res.writeHead(403, { 'content-type': 'application/xml' });
      res.end('<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Injected failure</Message></Error>');
      return;
    }
    if (sub && url.pathname.split('/').filter(Boolean).length === 1) {
      const { status, body } = recorded.get(`${bucket}?${sub}`)!;
      req.resume();
      res.writeHead(status, { 'content-type': 'application/xml', 'x-amz-request-id': 'RECORDED' });
      res.end(body);
      return;
    }
    const upstream = request(
      { host: '127.0.0.1', port: backend.port, method: req.method, path: req.url, headers: req.headers, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (error) => res.destroy(error));
    // A client that stops reading (a pipeline that failed early) must not leave s3rver mid-response.
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;

  const savedEnv = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
  for (const k of ENV_KEYS) delete process.env[k];
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_S3: endpoint,
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
  });
  const client = new S3Client({});
  for (const Bucket of buckets) await client.send(new CreateBucketCommand({ Bucket }));

  const server: LoopbackS3 = {
    endpoint,
    client,
    recorded,
    stop: async () => {
      client.destroy();
      const closed = new Promise<void>((resolve) => front.close(() => resolve()));
      front.closeAllConnections();
      await closed;
      await s3rver.close();
      rmSync(directory, { recursive: true, force: true });
      for (const [k, v] of Object.entries(savedEnv)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    },
  };
  Object.defineProperty(server, 'fault', { get: () => state.fault, set: (f?: Fault) => (state.fault = f) });
  return server;
}
