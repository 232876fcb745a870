import { estateConfig } from '../estate.config';
import { runCommand } from '../lib/log-tooling/cli';
import { ERASE_USAGE, eraseCommand } from '../lib/log-tooling/erase-command';

void runCommand(
  () => eraseCommand(process.argv.slice(2), { estateName: estateConfig.name, out: console.log, err: console.error }),
  ERASE_USAGE,
  { region: estateConfig.region },
);
