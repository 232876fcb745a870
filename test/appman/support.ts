import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { estateConfig } from '../../estate.config';
import { EstateConfig } from '../../lib/config';
import { Estate } from '../../lib/estate';
import { AppmanStack } from '../../lib/appman/appman-stack';
import { buildEstate } from '../setup/estate';

export type Resource = { Type: string; Properties?: Record<string, any>; DeletionPolicy?: string; UpdateReplacePolicy?: string };

export interface BuiltEstate {
  readonly app: App;
  readonly estate: Estate;
  readonly appman: AppmanStack;
  readonly template: Template;
  /** Every resource of every stack of the app, for estate-wide "none of these" checks. */
  readonly allResources: Resource[];
}

/** Builds the estate as bin/ does and synthesizes it (aspects run, as in `cdk synth`). */
export function build(config: EstateConfig = estateConfig): BuiltEstate {
  const { app, estate } = buildEstate(config);
  if (!estate.appman) throw new Error('estate.config.ts must configure sites.appman for these tests');
  const template = Template.fromStack(estate.appman);
  const allResources = app.node
    .findAll()
    .filter((c): c is Stack => Stack.isStack(c))
    .flatMap((s) => Object.values(Template.fromStack(s).toJSON().Resources as Record<string, Resource>));
  return { app, estate, appman: estate.appman, template, allResources };
}

export function resourcesOfType(template: Template, type: string): Resource[] {
  return Object.values(template.findResources(type)) as Resource[];
}

/** The one resource of `type` in `template`. */
export function single(template: Template, type: string): Resource {
  const found = resourcesOfType(template, type);
  expect(found).toHaveLength(1);
  return found[0];
}

/** The task definition holding the named container. */
export function taskDefinition(template: Template, name = 'App'): Resource {
  const found = resourcesOfType(template, 'AWS::ECS::TaskDefinition').filter((t) =>
    t.Properties!.ContainerDefinitions.some((d: { Name: string }) => d.Name === name),
  );
  expect(found).toHaveLength(1);
  return found[0];
}

/** A container by name: `App` serves Django, `Clearsessions` is the scheduled session cleanup. */
export function container(template: Template, name = 'App'): Record<string, any> {
  const defs = resourcesOfType(template, 'AWS::ECS::TaskDefinition').flatMap((t) => t.Properties!.ContainerDefinitions);
  const found = defs.filter((d: { Name: string }) => d.Name === name);
  expect(found).toHaveLength(1);
  return found[0];
}

/** The container's plain environment as a name → value map. */
export function environment(template: Template, name = 'App'): Record<string, unknown> {
  return Object.fromEntries(container(template, name).Environment.map((e: { Name: string; Value: unknown }) => [e.Name, e.Value]));
}

/** Logical id of the one resource of `type`. */
export function logicalId(template: Template, type: string): string {
  const ids = Object.keys(template.findResources(type));
  expect(ids).toHaveLength(1);
  return ids[0];
}

/** Every IAM policy statement of a template, flattened. */
export function statements(template: Template): Record<string, any>[] {
  return resourcesOfType(template, 'AWS::IAM::Policy').flatMap((p) => p.Properties!.PolicyDocument.Statement);
}

export function actionsOf(statement: Record<string, any>): string[] {
  return ([] as string[]).concat(statement.Action);
}
