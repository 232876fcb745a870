import { App } from 'aws-cdk-lib';
import { estateConfig } from '../../estate.config';
import { DeployReadinessChecks } from '../../lib/deploy-readiness/deploy-readiness-checks';
import { createDeployableEstate } from '../../lib/estate';
import { projectContext } from '../setup/estate';
import { SHAPES } from '../deploy/shapes';

describe('the estate is deploy-ready in every shape', () => {
  test.each(SHAPES)('%s: no finding', (_name, context) => {
    const app = new App({ context: { ...projectContext(), ...context } });
    createDeployableEstate(app, estateConfig);
    const report = new DeployReadinessChecks(app).validateScope(app);
    const found = report.violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} ${r.constructPath}`));
    expect(found).toEqual([]);
  });
});
