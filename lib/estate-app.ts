import { EstateConfig, EstateConfigError, PolicyCeilings } from './config';
import { createDeployableEstate, estateApp } from './estate';
import { ContentScanError } from './main-site/content-scan';

/**
 * What bin/estate.ts runs: the estate from `config` and the `-c` context, held to the
 * privacy policy's ceilings (`policy`), synthesized.
 * A problem the operator fixes in the config or the site content (its message names
 * the field or file and the fix) is printed alone, without a stack trace, and no
 * template is written; anything else is a bug and keeps its trace.
 */
export function runEstateApp(config: EstateConfig, policy: PolicyCeilings): void {
  const app = estateApp();
  try {
    createDeployableEstate(app, config, policy);
  } catch (e) {
    if (e instanceof EstateConfigError || e instanceof ContentScanError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  app.synth();
}
