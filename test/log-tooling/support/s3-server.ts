import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { mkdtempSync, rmSync } from 'fs';
import { Agent, IncomingMessage, ServerResponse, createServer, request } from 'http';
import { AddressInfo } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { ConditionalRequests } from './conditional-requests';
import { VersioningModel } from './versioning';

/**
 * A real S3-compatible server on loopback (s3rver, on disk in a temp folder),
 * behind a small front that does two things s3rver cannot:
 * - answers bucket sub-resources s3rver does not implement (lifecycle, public
 *   access block, encryption; location per bucket) with recorded S3 responses,
 *   so the real SDK parses real S3 XML;
 * - fails chosen requests, to prove a failure mid-run leaves objects whole;
 * - holds chosen requests until the test releases them, to interleave two writers;
 * - evaluates S3's conditional requests (If-Match / If-None-Match), which s3rver
 *   ignores: see ./conditional-requests.ts for exactly what is modelled;
 * - models bucket versioning (./versioning.ts), which s3rver does not implement.
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

/** A request held before it reaches S3: `reached` resolves when it arrives, `release()` lets it go on. */
export interface Gate {
  readonly reached: Promise<void>;
  release(): void;
}

export interface LoopbackS3 {
  readonly endpoint: string;
  readonly client: S3Client;
  /** Recorded answers by `<bucket>?<sub-resource>`, e.g. `logs-bucket?lifecycle`. */
  readonly recorded: Map<string, Recorded>;
  /** Versioning status and noncurrent versions per bucket. */
  readonly versioning: VersioningModel;
  fault?: Fault;
  /** Holds the first request for which `matches` is true until `release()`. */
  gate(matches: (method: string, url: string) => boolean): Gate;
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
  const conditional = new ConditionalRequests(backend.port, agent);
  const versioning = new VersioningModel();
  /** The current body of a key, read straight from s3rver, or undefined if there is none. */
  const currentBody = (path: string) =>
    new Promise<Buffer | undefined>((resolve, reject) => {
      const get = request({ host: '127.0.0.1', port: backend.port, method: 'GET', path, agent }, (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => resolve(answer.statusCode === 200 ? Buffer.concat(chunks) : undefined));
      });
      get.on('error', reject);
      get.end();
    });
  const gates: Array<{ matches: (method: string, url: string) => boolean; arrived: () => void; released: Promise<void> }> = [];

  const front = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const gate = gates.findIndex((g) => g.matches(req.method ?? 'GET', req.url ?? '/'));
    if (gate >= 0) {
      const [held] = gates.splice(gate, 1);
      held.arrived();
      await held.released;
    }
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
    if (versioning.answer(req, res, url)) return;
    const params = [...url.searchParams.keys()].filter((k) => k !== 'x-id');
    const replacesObject =
      url.pathname.split('/').filter(Boolean).length >= 2 &&
      (((req.method === 'PUT' || req.method === 'DELETE') && params.length === 0) || (req.method === 'POST' && params.includes('uploadId')));
    /** The current object becomes a noncurrent version before a write replaces it, in a versioned bucket. */
    const keepVersion = async () => {
      if (!replacesObject || !versioning.keepsVersions(bucket)) return;
      const body = await currentBody(url.pathname);
      if (body) versioning.keep(bucket, decodeURIComponent(url.pathname.split('/').slice(2).join('/')), body);
    };
    const send = (done: () => void) => {
      // Conditions were evaluated here; s3rver must not see them (it would answer GETs 304 on its own terms).
      const headers = { ...req.headers };
      delete headers['if-match'];
      if (req.method !== 'GET' && req.method !== 'HEAD') delete headers['if-none-match'];
      delete headers['x-amz-copy-source-if-match'];
      const upstream = request({ host: '127.0.0.1', port: backend.port, method: req.method, path: req.url, headers, agent }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', (error) => res.destroy(error));
      // A client that stops reading (a pipeline that failed early) must not leave s3rver mid-response.
      res.on('close', () => {
        upstream.destroy();
        done();
      });
      req.pipe(upstream);
    };
    const forward = () =>
      new Promise<void>((done) => {
        // A client that went away while its request was held (a killed process) sends nothing on.
        if (req.socket.destroyed) {
          res.destroy();
          done();
          return;
        }
        keepVersion().then(
          () => send(done),
          (error: Error) => {
            res.destroy(error);
            done();
          },
        );
      });
    await conditional.handle(req, forward, ({ status, code, message }) => {
      res.writeHead(status, { 'content-type': 'application/xml', 'x-amz-request-id': 'CONDITIONAL' });
      res.end(
        req.method === 'HEAD'
          ? undefined
          : `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>CONDITIONAL</RequestId></Error>`,
      );
    });
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
    versioning,
    gate: (matches) => {
      let arrived!: () => void;
      let release!: () => void;
      const reached = new Promise<void>((resolve) => (arrived = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      gates.push({ matches, arrived, released });
      return { reached, release };
    },
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
