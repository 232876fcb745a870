import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { EstateConfig } from '../config';
import { createEstate, Estate } from '../estate';

const REPO_ROOT = path.join(__dirname, '..', '..');

/** The feature flags `cdk synth` reads from cdk.json, so an in-process synth writes the same templates. */
export function projectContext(): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'cdk.json'), 'utf8')).context ?? {};
}

export interface SynthesizedEstate {
  readonly estate: Estate;
  readonly assembly: cxapi.CloudAssembly;
}

/**
 * Synthesizes the estate in-process, as `cdk synth` would, into a fresh
 * temporary folder (never the shared cdk.out): templates and staged assets.
 * The templates are the same; CDK's CloudFormation schema validation is left to
 * `cdk synth` (it only reports, and costs the preview and evidence commands about
 * 4 s at start and on every rebuild).
 */
export function synthesizeEstate(config: EstateConfig): SynthesizedEstate {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'estate-synth-'));
  const app = new App({ context: projectContext(), outdir, builtinCloudFormationValidation: false });
  const estate = createEstate(app, config);
  return { estate, assembly: app.synth() };
}
