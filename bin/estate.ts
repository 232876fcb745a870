#!/usr/bin/env node
import { estateConfig } from '../estate.config';
import { EstateConfigError } from '../lib/config';
import { createDeployableEstate, estateApp } from '../lib/estate';

const app = estateApp();
try {
  createDeployableEstate(app, estateConfig);
} catch (e) {
  if (e instanceof EstateConfigError) {
    // A config error is the operator's to fix: print it plainly, write no templates.
    process.stderr.write(`${e.message}\n`);
    process.exit(1);
  }
  throw e;
}
app.synth();
