import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { EstateConfig } from './config';

/**
 * Registers the rule packs every synth of the estate runs. An unacknowledged
 * error-level finding fails synth.
 */
export function addPolicyChecks(app: App, _config: EstateConfig): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
}
