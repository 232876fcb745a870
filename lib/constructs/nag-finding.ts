import { Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * The account as cdk-nag writes it in a finding id, so an acknowledgment matches
 * whether the stack is account-agnostic or deployed to a concrete account.
 *
 * cdk-nag flattens a resolved value with `flattenCfnReference`
 * (cdk-nag src/utils/flatten-cfn-reference.ts): `{ Ref: 'AWS::AccountId' }` becomes
 * `<AWS::AccountId>`, a literal stays as it is. An agnostic stack's account resolves
 * to that Ref; `-c account=123456789012` makes it the literal number.
 */
export function nagAccount(scope: IConstruct): string {
  const stack = Stack.of(scope);
  const resolved: unknown = stack.resolve(stack.account);
  if (typeof resolved === 'string') return resolved;
  const ref = (resolved as { Ref?: unknown } | undefined)?.Ref;
  if (typeof ref === 'string') return `<${ref}>`;
  throw new Error(`Cannot render the account of stack ${stack.stackName} for a cdk-nag acknowledgment: ${JSON.stringify(resolved)}`);
}
