import * as net from 'net';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { findLogBuckets } from './estate-buckets';

/** What a command needs from the estate config and the terminal; tests pass their own. */
export interface CommandContext {
  readonly estateName: string;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** A command-line mistake: printed with the usage text, exit code 2. */
export class UsageError extends Error {}

/** `--bucket`s if given, otherwise the deployed estate's log buckets. */
export async function resolveBuckets(given: readonly string[] | undefined, estateName: string): Promise<string[]> {
  if (given && given.length > 0) return [...given];
  return findLogBuckets(new CloudFormationClient({}), estateName);
}

export interface RunOptions {
  /** @default process.argv.slice(2) */
  readonly argv?: readonly string[];
  /** The estate's region, for commands that call AWS: the SDK's region when AWS_REGION is not set. */
  readonly region?: string;
}

/**
 * Runs an operator command the same way for all of them:
 * `--help`/`-h` prints the usage and exits 0; a usage mistake exits 2 with the
 * usage; any other failure exits 1 with a message that says what to do.
 */
export async function runCommand(command: () => Promise<number | void>, usage: string, options: RunOptions = {}): Promise<void> {
  const argv = options.argv ?? process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${usage}\n`);
    process.exitCode = 0;
    return;
  }
  if (options.region) prepareAwsSdk(options.region);
  try {
    process.exitCode = (await command()) ?? 0;
  } catch (error) {
    if (isUsageError(error)) {
      process.stderr.write(`${(error as Error).message}\n\n${usage}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`${describeFailure(error)}\n`);
    process.exitCode = 1;
  }
}

/** Our UsageError, or Node's util.parseArgs rejecting an option (ERR_PARSE_ARGS_*). */
function isUsageError(error: unknown): boolean {
  return error instanceof UsageError || /^ERR_PARSE_ARGS_/.test(String((error as { code?: unknown })?.code ?? ''));
}

function prepareAwsSdk(region: string): void {
  // The SDK reads AWS_REGION (then the profile); the estate's own region is the useful default.
  if (!process.env.AWS_REGION) process.env.AWS_REGION = region;
  // The SDK prints a 9-line NodeVersionSupportWarning on Node < 22 on every run; its documented
  // switch (aws/aws-sdk-js-v3#7983) silences it, and one line keeps the fact visible.
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 22 && process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED === undefined) {
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
    process.stderr.write(`Note: Node ${process.versions.node} is past end of life; AWS SDK releases from January 2027 need Node 22 or later.\n`);
  }
}

/** The failure as an operator can act on it: the AWS SDK's and Node's common errors get the fix. */
export function describeFailure(error: unknown): string {
  const e = error as { name?: string; code?: string; port?: number; message?: string };
  const message = e?.message || String(error);
  if (e?.code === 'EADDRINUSE') {
    const port = e.port ?? /:(\d+)\s*$/.exec(message)?.[1];
    return `Port ${port} is already in use on this machine: stop what is using it, or pick another with --port <n> (--port 0 picks a free one).`;
  }
  if (e?.name === 'CredentialsProviderError' || /Could not load credentials from any providers/.test(message)) {
    return (
      'No AWS credentials found. Sign in (e.g. `aws sso login --profile <name>`) and set AWS_PROFILE=<name>, ' +
      'or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary credentials).'
    );
  }
  if (/Region is missing/.test(message)) {
    return 'No AWS region: set AWS_REGION to the region the estate is deployed in (estate.config.ts `region`).';
  }
  return message;
}

/** Fails with EADDRINUSE (reported by describeFailure) when `port` on 127.0.0.1 is taken. */
export async function ensurePortFree(port: number): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}
