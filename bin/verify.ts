import { estateConfig } from '../estate.config';
import { runCommand } from '../lib/log-tooling/cli';
import { VERIFY_USAGE, verifyCommand } from '../lib/log-tooling/verify-command';

void runCommand(
  () =>
    verifyCommand(process.argv.slice(2), {
      estateName: estateConfig.name,
      policy: { allowedRegions: estateConfig.allowedRegions, maxLogDays: estateConfig.maxLogRetentionDays },
      out: console.log,
      err: console.error,
    }),
  VERIFY_USAGE,
  { region: estateConfig.region },
);
