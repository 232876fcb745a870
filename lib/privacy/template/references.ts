import { CfnOutput, CfnResource, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { undecidable } from '../rule';
import { isIntrinsic } from './resolve';

/** Every resource and export of one app, indexed once per validation run. */
interface AppIndex {
  readonly byStack: Map<Stack, Map<string, CfnResource>>;
  readonly byLogicalId: Map<string, CfnResource[]>;
  readonly byType: Map<string, CfnResource[]>;
  readonly exports: Map<string, { stack: Stack; value: unknown }>;
}

let indexes = new WeakMap<IConstruct, AppIndex>();

export function resetReferenceIndex(): void {
  indexes = new WeakMap();
}

function appIndex(node: IConstruct): AppIndex {
  const root = node.node.root;
  let index = indexes.get(root);
  if (!index) {
    index = { byStack: new Map(), byLogicalId: new Map(), byType: new Map(), exports: new Map() };
    for (const c of root.node.findAll()) {
      if (CfnResource.isCfnResource(c)) {
        const stack = Stack.of(c);
        const id = stack.resolve(c.logicalId) as string;
        if (!index.byStack.has(stack)) index.byStack.set(stack, new Map());
        index.byStack.get(stack)!.set(id, c);
        push(index.byLogicalId, id, c);
        push(index.byType, c.cfnResourceType, c);
      } else if (c instanceof CfnOutput && c.exportName !== undefined) {
        const stack = Stack.of(c);
        index.exports.set(stack.resolve(c.exportName), { stack, value: c.value });
      }
    }
    indexes.set(root, index);
  }
  return index;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Every resource of the app with the given CloudFormation type. */
export function resourcesOfType(node: IConstruct, type: string): readonly CfnResource[] {
  return appIndex(node).byType.get(type) ?? [];
}

/** What a resolved property value points at. */
export type Target = { readonly resource: CfnResource } | { readonly literal: string };

/**
 * Follows a resolved `Ref`, `Fn::GetAtt` or cross-stack `Fn::ImportValue` to the
 * resource it names; a plain string comes back as a literal. Anything else (a
 * parameter, a join of tokens, a resource outside this app) is undecidable.
 */
export function target(node: CfnResource, what: string, value: unknown): Target {
  if (typeof value === 'string') return { literal: value };
  if (isIntrinsic(value)) {
    const index = appIndex(node);
    const found = follow(index, Stack.of(node), value);
    if (found) return { resource: found };
  }
  return undecidable(node, what, value);
}

function follow(index: AppIndex, stack: Stack, value: Record<string, any>): CfnResource | undefined {
  const logicalId = typeof value.Ref === 'string' ? value.Ref : Array.isArray(value['Fn::GetAtt']) ? value['Fn::GetAtt'][0] : undefined;
  if (typeof logicalId === 'string') {
    const same = index.byStack.get(stack)?.get(logicalId);
    if (same) return same;
    // Before synth a cross-stack reference still reads as a plain Ref/GetAtt; accept it
    // only when the logical id names exactly one resource in the app.
    const anywhere = index.byLogicalId.get(logicalId);
    return anywhere?.length === 1 ? anywhere[0] : undefined;
  }
  const exportName = value['Fn::ImportValue'];
  if (typeof exportName === 'string') {
    const exported = index.exports.get(exportName);
    if (!exported) return undefined;
    const producerValue = exported.stack.resolve(exported.value);
    return isIntrinsic(producerValue) ? follow(index, exported.stack, producerValue) : undefined;
  }
  return undefined;
}
