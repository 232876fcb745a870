#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { estateConfig } from '../estate.config';
import { applyContext, EstateConfigError } from '../lib/config';
import { addPolicyChecks } from '../lib/checks';
import { createEstate } from '../lib/estate';

const app = new App();
try {
  const config = applyContext(estateConfig, (key) => app.node.tryGetContext(key));
  createEstate(app, config);
  addPolicyChecks(app, config);
} catch (e) {
  if (e instanceof EstateConfigError) {
    // A config error is the operator's to fix: print it plainly, write no templates.
    process.stderr.write(`${e.message}\n`);
    process.exit(1);
  }
  throw e;
}
app.synth();
