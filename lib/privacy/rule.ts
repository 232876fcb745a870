import { parse } from 'path';
import { CfnResource } from 'aws-cdk-lib';
import { NagRuleCompliance } from 'cdk-nag';
import { ResolvedThresholds } from './thresholds';

/** A rule as cdk-nag runs it: one resource in, one verdict out. */
export type PrivacyRule = (node: CfnResource) => NagRuleCompliance;

/** A rule that needs the pack's thresholds. */
export type PrivacyRuleFactory = (t: ResolvedThresholds) => PrivacyRule;

/**
 * Names `rule` after the file that defines it. cdk-nag builds the rule id from
 * the function's name, so the id (`Privacy-<file name>`) cannot drift from the file.
 */
export function nameRule<T extends PrivacyRule>(filename: string, rule: T): T {
  return Object.defineProperty(rule, 'name', { value: parse(filename).name });
}

export const { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE } = NagRuleCompliance;

/** Thrown when a value is a token the rule cannot see through: cdk-nag reports the rule could not decide. */
export class UndecidableError extends Error {}

export function undecidable(node: CfnResource, what: string, value: unknown): never {
  throw new UndecidableError(
    `${node.node.path}: ${what} is ${JSON.stringify(value)}, which cannot be resolved at synth time; ` +
      'give a literal value (or a reference to a resource in this app) so the privacy rule can decide.',
  );
}
