import { estateConfig } from '../estate.config';
import { runCommand } from '../lib/ops/cli';
import { ERASE_USAGE, eraseCommand } from '../lib/ops/erase-command';

void runCommand(
  () => eraseCommand(process.argv.slice(2), { estateName: estateConfig.name, out: console.log, err: console.error }),
  ERASE_USAGE,
  { region: estateConfig.region },
);
