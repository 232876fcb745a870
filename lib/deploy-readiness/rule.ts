import { parse } from 'path';
import { CfnResource } from 'aws-cdk-lib';
import { NagRuleCompliance } from 'cdk-nag';

/**
 * One deploy-readiness check: something CloudFormation or the service would refuse
 * (or accept and then misbehave on), caught at synth. `docs` is the AWS page the
 * limit or behaviour comes from; every finding cites it.
 */
export interface DeployRule {
  /** Named after its file: the rule id is `DeployReadiness-<file name>`. */
  readonly check: (node: CfnResource) => NagRuleCompliance;
  readonly info: string;
  readonly explanation: string;
  readonly docs: string;
}

/** Names the rule's check after its file, so the id cannot drift from the file name. */
export function deployRule(filename: string, rule: DeployRule): DeployRule {
  Object.defineProperty(rule.check, 'name', { value: parse(filename).name });
  return rule;
}

export const { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE } = NagRuleCompliance;
