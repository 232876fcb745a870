import { referencedId, resources } from '../disclosure/templates';
import { AssemblyStack, pathOf } from './assembly';

/** A resource a property points at, wherever in the assembly it lives. */
export interface Target {
  readonly stack: AssemblyStack;
  readonly logicalId: string;
}

/**
 * Follows a template value to the resource it names: a `Ref`/`Fn::GetAtt` in the
 * same stack, an `Fn::ImportValue` of another stack's export (CDK's cross-stack
 * references), or an S3 ARN / bucket name that names a bucket of the assembly.
 */
export function findTarget(stacks: readonly AssemblyStack[], from: AssemblyStack, value: unknown): Target | undefined {
  const id = referencedId(value);
  if (id && from.template.Resources?.[id]) return { stack: from, logicalId: id };
  const exportName = (value as Record<string, unknown> | null)?.['Fn::ImportValue'];
  if (typeof exportName === 'string') {
    for (const stack of stacks) {
      const outputs = (stack.template as { Outputs?: Record<string, { Value?: unknown; Export?: { Name?: unknown } }> }).Outputs ?? {};
      const output = Object.values(outputs).find((o) => o.Export?.Name === exportName);
      const exported = output && referencedId(output.Value);
      if (exported) return { stack, logicalId: exported };
    }
  }
  if (typeof value === 'string') {
    const bucketName = /^arn:[^:]+:s3:::([^/]+)/.exec(value)?.[1] ?? value;
    for (const stack of stacks) {
      const found = resources(stack.template, 'AWS::S3::Bucket').find(([, r]) => r.Properties?.BucketName === bucketName);
      if (found) return { stack, logicalId: found[0] };
    }
  }
  return undefined;
}

/** A readable name for a value: the target's construct path, a literal as written, or `a value known only at deploy time`. */
export function describeTarget(target: Target | undefined, value: unknown): string {
  if (target) return pathOf(target.stack, target.logicalId);
  if (typeof value === 'string') return value;
  return 'a value known only at deploy time';
}
