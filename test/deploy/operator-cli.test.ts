import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import { createServer, IncomingMessage, Server } from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { describeStacks } from '../log-tooling/support/recorded';
import { estateConfig } from '../../estate.config';

const ROOT = path.join(__dirname, '..', '..');
const COMMANDS = ['erase', 'verify', 'preview', 'evidence'] as const;

/** The environment of a machine with no AWS setup at all: no credentials, no region, no profile files. */
function bareEnv(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('AWS_')) env[k] = v;
  return { ...env, HOME: home, AWS_EC2_METADATA_DISABLED: 'true', ...extra };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  return spawnSync(process.execPath, ['-r', 'ts-node/register', `bin/${command}.ts`, ...args], { cwd: ROOT, env, encoding: 'utf8' });
}

/** As `run`, without blocking this process: for commands that talk to a server the test runs. */
function runAsync(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', 'ts-node/register', `bin/${command}.ts`, ...args], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('close', (status) => resolve({ status, stderr }));
  });
}

describe.each(COMMANDS)('npm run %s', (command) => {
  test('--help prints the usage and exits 0', () => {
    const r = run(command, ['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: npm run ${command}`));
    expect(r.stderr).toBe('');
  });

  test('an unknown option is a usage error: exit 2, the message and the usage', () => {
    const r = run(command, ['--no-such-option']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--no-such-option/);
    expect(r.stderr).toMatch(new RegExp(`Usage: npm run ${command}`));
  });
});

describe('AWS commands without AWS setup', () => {
  let home: string;
  let cfn: Server;
  let endpoint: string;
  const requests: IncomingMessage[] = [];
  beforeAll(async () => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'estate-cli-home-'));
    // CloudFormation's DescribeStacks with no estate stack in it.
    cfn = createServer((req, res) => {
      requests.push(req);
      req.resume();
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.end(describeStacks({}));
    });
    await new Promise<void>((resolve) => cfn.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(cfn.address() as net.AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => cfn.close(resolve));
    fs.rmSync(home, { recursive: true, force: true });
  });

  test('missing credentials: exit 1 and what to set', () => {
    const r = run('verify', [], bareEnv(home));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/No AWS credentials found.*AWS_PROFILE.*AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/);
  });

  test("the region defaults to the estate's region", async () => {
    const env = bareEnv(home, { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', AWS_ENDPOINT_URL_CLOUDFORMATION: endpoint });
    const r = await runAsync('verify', [], env);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`No deployed stack whose name starts with "${estateConfig.name}".* in ${estateConfig.region}`));
    // SigV4 credential scope: <key>/<date>/<region>/<service>/aws4_request.
    expect(requests.at(-1)?.headers.authorization).toContain(`/${estateConfig.region}/cloudformation/aws4_request`);
  });
});

describe('npm run preview', () => {
  test('a busy port is named, with the --port way out, before any synth', async () => {
    const busy = net.createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as net.AddressInfo).port;
    try {
      const r = run('preview', ['--port', String(port)]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`Port ${port} is already in use.*--port <n>`));
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
  });

  test('SIGTERM stops it although a request is still half-sent', async () => {
    const child = spawn(process.execPath, ['-r', 'ts-node/register', 'bin/preview.ts', '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
    try {
      const url = await new Promise<URL>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          // The line bin/preview.ts prints once the server listens (and its signal handlers are set).
          const m = /through the local edge[^\n]*\n\s+(http:\/\/\S+)/.exec(out);
          if (m) resolve(new URL(m[1]));
        });
        child.once('exit', (code, signal) => reject(new Error(`preview exited (${code ?? signal}) before serving: ${out}`)));
      });
      // Headers without the final blank line: the server waits for the rest (headersTimeout, 60 s).
      const socket = net.connect(Number(url.port), '127.0.0.1');
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      socket.write(`GET / HTTP/1.1\r\nHost: ${url.host}\r\n`);
      const socketClosed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
      socket.on('error', () => undefined);
      child.kill('SIGTERM');
      // Node's server.close() waits for such a request until headersTimeout (60 s from its start,
      // checked every 30 s); the preview closes it at once. 25 s separates the two outcomes even
      // on a saturated machine.
      const lingered = new Promise<'lingered'>((resolve) => setTimeout(() => resolve('lingered'), 25_000).unref());
      expect(await Promise.race([socketClosed.then(() => 'closed'), lingered])).toBe('closed');
      // Our handler exits 0 (a default SIGTERM death has no code). The exit itself includes CDK's
      // removal of the synth's temporary folders (CloudAssembly.cleanupTemporaryDirectories).
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  }, 300_000); // the preview synthesizes the whole estate before it serves
});
