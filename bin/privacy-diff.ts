import * as path from 'path';
import { runCommand } from '../lib/log-tooling/cli';
import { PRIVACY_DIFF_USAGE, privacyDiffCommand } from '../lib/privacy-model/command';

void runCommand(
  () => privacyDiffCommand(process.argv.slice(2), { repoRoot: path.join(__dirname, '..'), out: (text) => process.stdout.write(text) }),
  PRIVACY_DIFF_USAGE,
);
