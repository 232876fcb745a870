import * as cxapi from 'aws-cdk-lib/cx-api';

/** A CloudFormation template as synth writes it. */
export interface Template {
  readonly Resources?: Record<string, TemplateResource>;
}

export interface TemplateResource {
  readonly Type: string;
  readonly Properties?: Record<string, any>;
}

/** One synthesized stack: its name, the region it deploys to, and its template. */
export interface SynthesizedStack {
  readonly name: string;
  readonly region: string;
  readonly template: Template;
}

/** Every stack of a cloud assembly (the synth output), as the drift check reads it. */
export function synthesizedStacks(assembly: cxapi.CloudAssembly): SynthesizedStack[] {
  return assembly.stacks.map((s) => ({ name: s.stackName, region: s.environment.region, template: s.template }));
}

export function resources(t: Template, type?: string): Array<[string, TemplateResource]> {
  return Object.entries(t.Resources ?? {}).filter(([, r]) => type === undefined || r.Type === type);
}

/** The logical id a `{ Ref }` or `{ Fn::GetAtt }` points at, if the value is one. */
export function referencedId(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.Ref === 'string') return v.Ref;
  const getAtt = v['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return getAtt[0];
  if (typeof getAtt === 'string') return getAtt.split('.')[0];
  return undefined;
}

/** Every logical id referenced anywhere inside a value. */
export function referencedIds(value: unknown, out = new Set<string>()): Set<string> {
  const id = referencedId(value);
  if (id) out.add(id);
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value as object)) referencedIds(v, out);
  }
  return out;
}
