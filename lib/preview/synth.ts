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
 * An App for the preview's and evidence's in-process synth, writing into a fresh
 * temporary folder (never the shared cdk.out). The templates are those `cdk synth`
 * writes; CDK's CloudFormation schema validation is left to `cdk synth` (it only
 * reports, and costs these commands about 4 s at start and on every rebuild).
 */
export function previewApp(folderPrefix: string): App {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), folderPrefix));
  return new App({ context: projectContext(), outdir, builtinCloudFormationValidation: false });
}

/** Synthesizes the estate in-process, as `cdk synth` would: templates and staged assets. */
export function synthesizeEstate(config: EstateConfig): SynthesizedEstate {
  const app = previewApp('estate-synth-');
  const estate = createEstate(app, config);
  return { estate, assembly: app.synth() };
}
