import { App, Stack } from 'aws-cdk-lib';
import { DeployReadinessChecks } from '../../lib/deploy-readiness/deploy-readiness-checks';

export enum TestType {
  NON_COMPLIANCE,
  COMPLIANCE,
}

/** The tiny app a check's test builds its stack in. */
export function testStack(): Stack {
  return new Stack(new App(), 'Test', { env: { account: '123456789012', region: 'eu-west-1' } });
}

/** Construct paths the pack reports for `ruleId`, and whether the rule threw instead of deciding. */
export function findings(scope: Stack | App, ruleId: string) {
  const report = new DeployReadinessChecks(scope, { verbose: true }).validateScope(scope.node.root);
  const violation = report.violations.find((v) => v.ruleName === ruleId);
  return {
    paths: violation?.violatingResources.map((r) => r.constructPath!) ?? [],
    threw: violation?.description.startsWith('Rule threw') ?? false,
    description: violation?.description ?? '',
  };
}

/** cdk-nag's three-line rule test: build, validate, expect. */
export function validateStack(stack: Stack, ruleId: string, type: TestType): void {
  const f = findings(stack, ruleId);
  if (type === TestType.COMPLIANCE) {
    expect(f).toMatchObject({ paths: [] });
  } else {
    expect(f.paths.length).toBeGreaterThan(0);
    expect(f.threw).toBe(false);
    // Every finding cites the AWS page its limit comes from.
    expect(f.description).toMatch(/Source: https:\/\/docs\.aws\.amazon\.com\//);
  }
}
