import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as cxapi from 'aws-cdk-lib/cx-api';

/** Debian's python3, the only Python here that imports Django (the PATH python3 may not). */
export const SYSTEM_PYTHON = '/usr/bin/python3';
export const FIXTURE = path.join(__dirname, '..', '..', 'fixtures', 'appman-django');
export const TEST_USER = { username: 'alice', password: 'correct-horse-battery-staple' };

/** The plain environment of Appman's container as the synthesized task definition passes it. */
export function taskEnvironment(assembly: cxapi.CloudAssembly): Record<string, unknown> {
  for (const stack of assembly.stacks) {
    for (const r of Object.values<any>(stack.template.Resources ?? {})) {
      if (r.Type !== 'AWS::ECS::TaskDefinition') continue;
      const app = (r.Properties.ContainerDefinitions as any[]).find((c) => c.Name === 'App' && stack.stackName.endsWith('-Appman'));
      if (!app) continue;
      return Object.fromEntries((app.Environment as { Name: string; Value: unknown }[]).map((e) => [e.Name, e.Value]));
    }
  }
  throw new Error('no Appman task definition in the synthesized estate');
}

export interface RunningDjango {
  readonly url: string;
  readonly dbFile: string;
  /** Runs manage.py with the same environment (e.g. clearsessions). */
  manage(...args: string[]): Promise<string>;
  close(): Promise<void>;
}

/**
 * Starts the fixture Django project with exactly the task definition's variables,
 * except the database: SQLite in a temporary folder instead of PostgreSQL (which
 * cannot run here); the secrets come as ECS would inject them.
 */
export async function startDjango(taskEnv: Record<string, unknown>): Promise<RunningDjango> {
  if (!fs.existsSync(SYSTEM_PYTHON)) throw new Error(`${SYSTEM_PYTHON} is missing: install Debian's python3-django (.ci/run does).`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appman-django-'));
  const dbFile = path.join(dir, 'db.sqlite3');
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(taskEnv)) {
    // Deploy-time references (database endpoint, SES configuration set) have no value at synth.
    env[k] = typeof v === 'string' ? v : `deploy-time ${JSON.stringify(v)}`;
  }
  Object.assign(env, {
    DATABASE_ENGINE: 'django.db.backends.sqlite3',
    DATABASE_NAME: dbFile,
    DATABASE_HOST: '',
    DATABASE_PORT: '',
    DJANGO_SECRET_KEY: 'test-secret-key-'.padEnd(60, 'x'),
    DATABASE_USER: 'unused',
    DATABASE_PASSWORD: 'unused',
    APPMAN_TEST_USER: TEST_USER.username,
    APPMAN_TEST_PASSWORD: TEST_USER.password,
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    PYTHONDONTWRITEBYTECODE: '1',
  });
  const child = spawn(SYSTEM_PYTHON, [path.join(FIXTURE, 'serve.py')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const port = await firstLine(child);
  return {
    url: `http://127.0.0.1:${port}`,
    dbFile,
    manage: (...args) => run(SYSTEM_PYTHON, [path.join(FIXTURE, 'manage.py'), ...args], env),
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function firstLine(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (c) => (err += c));
    child.stdout!.on('data', (c) => {
      out += c;
      const line = out.split('\n');
      if (line.length > 1) resolve(Number(line[0]));
    });
    child.once('exit', (code) => reject(new Error(`Django exited with ${code} before serving:\n${err}`)));
  });
}

function run(cmd: string, args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${args.join(' ')} exited with ${code}:\n${out}`))));
  });
}
