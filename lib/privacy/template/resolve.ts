import { CfnResource, Stack } from 'aws-cdk-lib';
import { undecidable } from '../rule';

/** A resource as it will appear in the template: properties with overrides applied, tokens resolved. */
export interface ResolvedResource {
  readonly Type: string;
  readonly Properties: Record<string, any>;
  readonly DeletionPolicy?: string;
}

interface Internal {
  _toCloudFormation(): object;
}

// One resolution per resource per validation run, shared by every rule: resolving is
// the expensive part of checking, and a dozen rules look at the same resource.
let cache = new WeakMap<CfnResource, ResolvedResource>();

/** Forgets resolved resources; the pack calls it before each validation run. */
export function resetResolveCache(): void {
  cache = new WeakMap();
}

/**
 * The resource exactly as synth writes it. Read through `_toCloudFormation` (not
 * the L1 fields) so escape-hatch overrides and raw `CfnResource`s (CDK's own
 * custom-resource providers) are seen too.
 */
export function resolved(node: CfnResource): ResolvedResource {
  let r = cache.get(node);
  if (!r) {
    const rendered = Stack.of(node).resolve((node as unknown as Internal)._toCloudFormation()) as {
      Resources: Record<string, ResolvedResource>;
    };
    const only = Object.values(rendered.Resources)[0];
    r = { ...only, Properties: only.Properties ?? {} };
    cache.set(node, r);
  }
  return r;
}

export function props(node: CfnResource): Record<string, any> {
  return resolved(node).Properties;
}

/** True for `{ Ref }`, `{ Fn::* }` objects: values only CloudFormation knows. */
export function isIntrinsic(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'));
}

/**
 * A value the rule must know to decide. `undefined` passes through (the property
 * is absent); an intrinsic makes the rule report that it could not decide.
 */
export function literal<T = string | number | boolean>(node: CfnResource, what: string, value: unknown): T | undefined {
  if (value === undefined) return undefined;
  if (value !== null && typeof value === 'object') undecidable(node, what, value);
  return value as T;
}

/** A number-valued property (CloudFormation accepts "30" as well as 30). */
export function literalNumber(node: CfnResource, what: string, value: unknown): number | undefined {
  const v = literal(node, what, value);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) undecidable(node, what, value);
  return n;
}

/** A boolean-valued property (CloudFormation accepts "true" as well as true). */
export function literalBool(node: CfnResource, what: string, value: unknown): boolean | undefined {
  const v = literal(node, what, value);
  if (v === undefined) return undefined;
  return v === true || v === 'true';
}

/** A list-valued property: absent is empty; a token list makes the rule undecidable. */
export function list(node: CfnResource, what: string, value: unknown): any[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) undecidable(node, what, value);
  return value;
}

/** A map-valued property: absent is empty; a token makes the rule undecidable. */
export function map(node: CfnResource, what: string, value: unknown): Record<string, any> {
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value) || isIntrinsic(value)) undecidable(node, what, value);
  return value as Record<string, any>;
}
