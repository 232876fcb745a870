import { App, Stack } from 'aws-cdk-lib';
import { PrivacyChecks, PrivacyChecksProps } from '../../lib/privacy/privacy-checks';

export enum TestType {
  NON_COMPLIANCE,
  COMPLIANCE,
  VALIDATION_FAILURE,
}

/** The tiny app a rule test builds its stack in: pinned to an EU region unless told otherwise. */
export function testStack(env: { region?: string } | null = { region: 'eu-west-1' }): Stack {
  const app = new App();
  return new Stack(app, 'Test', env === null ? {} : { env: { account: '123456789012', ...env } });
}

/** Construct paths the pack reports for `ruleId`, split by whether the rule decided or threw. */
export function findings(stack: Stack, ruleId: string, props: PrivacyChecksProps = {}) {
  // Rule tests run every rule, the optional data-safety group included.
  const report = new PrivacyChecks(stack, { verbose: true, dataSafety: true, ...props }).validateScope(stack.node.root);
  const violation = report.violations.find((v) => v.ruleName === ruleId);
  const paths = violation?.violatingResources.map((r) => r.constructPath!) ?? [];
  const threw = /^(Rule threw|Undecidable:)/.test(violation?.description ?? '');
  return { paths, threw, description: violation?.description };
}

/** cdk-nag's three-line rule test: build, validate, expect. */
export function validateStack(stack: Stack, ruleId: string, type: TestType, props: PrivacyChecksProps = {}): void {
  const f = findings(stack, ruleId, props);
  switch (type) {
    case TestType.COMPLIANCE:
      expect(f).toMatchObject({ paths: [] });
      break;
    case TestType.NON_COMPLIANCE:
      expect(f.paths.length).toBeGreaterThan(0);
      expect(f.threw).toBe(false);
      break;
    case TestType.VALIDATION_FAILURE:
      expect(f.paths.length).toBeGreaterThan(0);
      expect(f.threw).toBe(true);
      break;
  }
}
