import * as cxapi from 'aws-cdk-lib/cx-api';
import { POLICY_CEILINGS_METADATA } from '../config/policy-ceilings';
import { SynthesizedStack, synthesizedStacks } from '../disclosure/templates';

/** Where `Validations.of(construct).acknowledge()` records each acknowledgement: construct metadata in the assembly. */
export const ACKNOWLEDGED_RULES_METADATA = 'aws:cdk:acknowledged-rules';

/** One stack of a synth output, with what the model needs besides the template. */
export interface AssemblyStack extends SynthesizedStack {
  /** Logical id → construct path, so the model names resources as the code does. */
  readonly paths: ReadonlyMap<string, string>;
  readonly acknowledgements: readonly { readonly path: string; readonly rule: string; readonly reason: string }[];
}

export interface ReadAssembly {
  readonly directory: string;
  readonly stacks: readonly AssemblyStack[];
  /** The privacy policy's ceilings, as the estate recorded them in stack metadata. */
  readonly policyCeilings?: Readonly<Record<string, string>>;
}

/** Reads a synth output folder (`cdk.out` or an in-process synth's outdir). */
export function readAssembly(directory: string): ReadAssembly {
  return fromCloudAssembly(new cxapi.CloudAssembly(directory, { skipVersionCheck: true }));
}

export function fromCloudAssembly(assembly: cxapi.CloudAssembly): ReadAssembly {
  const templates = synthesizedStacks(assembly);
  const stacks = assembly.stacks.map((artifact, i) => {
    const paths = new Map<string, string>();
    for (const entry of artifact.findMetadataByType('aws:cdk:logicalId')) {
      if (typeof entry.data === 'string') paths.set(entry.data, constructPath(entry.path));
    }
    const acknowledgements = artifact.findMetadataByType(ACKNOWLEDGED_RULES_METADATA).flatMap((entry) =>
      Object.entries((entry.data ?? {}) as Record<string, string>)
        // CDK's own template validator is not a rule pack: its acknowledgements say nothing about privacy.
        .filter(([rule]) => !rule.startsWith(SCHEMA_VALIDATOR_PREFIX))
        .map(([rule, reason]) => ({
          path: constructPath(entry.path),
          rule: readableRuleId(rule, paths, templates[i].region),
          reason: String(reason),
        })),
    );
    return { ...templates[i], paths, acknowledgements };
  });
  const ceilings = assembly.stacks.flatMap((a) => a.findMetadataByType(POLICY_CEILINGS_METADATA)).map((e) => e.data as unknown as Record<string, string>)[0];
  return { directory: assembly.directory, stacks, ...(ceilings ? { policyCeilings: ceilings } : {}) };
}

const SCHEMA_VALIDATOR_PREFIX = 'CloudFormation-Validate::';

/**
 * cdk-nag's findings reach Validations as annotations (`Annotation::` prefix), and its
 * finding ids name resources by logical id (`<Content88381566.Arn>`): both become what
 * a reviewer reads, the rule id and the construct path (and the stack's region, which
 * ARN patterns repeat, a placeholder).
 */
function readableRuleId(rule: string, paths: ReadonlyMap<string, string>, region: string): string {
  return rule
    .replace(/^Annotation::/, '')
    // The stack's own region in an ARN pattern is stated once per stack already.
    .split(`:${region}:`).join(':<stack region>:')
    .split(`-${region}/`).join('-<stack region>/').replace(/<([A-Za-z0-9]+)(\.[A-Za-z.]+)?>/g, (whole, id: string, attr = '') => {
    const found = paths.get(id);
    return found ? `<${found}${attr}>` : whole;
  });
}

/** `/Estate-Logs/Logs/Resource` → `Estate-Logs/Logs`: the L2 construct a reader knows. */
export function constructPath(metadataPath: string): string {
  return metadataPath.replace(/^\//, '').replace(/\/(Resource|Default)$/, '');
}

/** The construct path of a resource, falling back to `<stack>/<logical id>` for a resource without one. */
export function pathOf(stack: AssemblyStack, logicalId: string): string {
  return stack.paths.get(logicalId) ?? `${stack.name}/${logicalId}`;
}
