import { Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * The account as cdk-nag writes it in a finding id, so an acknowledgment matches
 * whether the stack is account-agnostic or deployed to a concrete account.
 */
export function nagAccount(scope: IConstruct): string {
  const stack = Stack.of(scope);
  return renderForNag(stack, stack.account);
}

/**
 * The partition as cdk-nag writes it: `<AWS::Partition>`, or `aws` once the
 * `@aws-cdk/core:enablePartitionLiterals` flag makes it literal for a stack
 * with a concrete region.
 */
export function nagPartition(scope: IConstruct): string {
  const stack = Stack.of(scope);
  return renderForNag(stack, stack.partition);
}

/**
 * cdk-nag flattens a resolved value with `flattenCfnReference`
 * (cdk-nag src/utils/flatten-cfn-reference.ts): `{ Ref: 'AWS::AccountId' }`
 * becomes `<AWS::AccountId>`, a literal stays as it is.
 */
function renderForNag(stack: Stack, value: string): string {
  const resolved: unknown = stack.resolve(value);
  if (typeof resolved === 'string') return resolved;
  const ref = (resolved as { Ref?: unknown } | undefined)?.Ref;
  if (typeof ref === 'string') return `<${ref}>`;
  throw new Error(`Cannot render ${JSON.stringify(resolved)} of stack ${stack.stackName} for a cdk-nag acknowledgment.`);
}
