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

/** Runs a command and turns its result into the process exit code. */
export async function runCommand(command: () => Promise<number>, usage: string): Promise<void> {
  try {
    process.exitCode = await command();
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${usage}`);
      process.exitCode = 2;
      return;
    }
    console.error((error as Error).message || String(error));
    process.exitCode = 1;
  }
}
