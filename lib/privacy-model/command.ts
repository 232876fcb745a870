import * as fs from 'fs';
import { parseArgs } from 'util';
import { CommandContext, UsageError } from '../log-tooling/cli';
import { readAssembly } from './assembly';
import { buildPrivacyModel } from './build';
import { diffModels } from './diff';
import { renderJson, renderMarkdown } from './report';
import { existingOutput, SynthesizedSide, synthGitRef, synthWorkingTree, Workspace } from './synth';

export const PRIVACY_DIFF_USAGE = `Usage: npm run privacy-diff -- (--base <git-ref> | --base-dir <cdk.out>) [--head-dir <cdk.out>] [--json] [--json-out <file>]

What a change does to the privacy policy's promises: synthesizes both sides offline
(the default deployment shape; a git ref is checked out into a temporary folder and
uses this checkout's node_modules; the head side is the working tree unless
--head-dir names a synth output), reads the privacy model from the templates, and
prints one line per change (widening, narrowing or neutral for privacy) and the
generated privacy page's text diff, as Markdown (or JSON with --json; --json-out
also writes the JSON to a file). Prints "no change to what the policy promises" when
nothing privacy-relevant changed. Exits 0 when it ran, whatever changed (failed
checks are PrivacyChecks' job at synth), 1 if a side could not be synthesized.`;

export interface PrivacyDiffContext extends Pick<CommandContext, 'out'> {
  /** Root of the repository whose working tree is the head side. */
  readonly repoRoot: string;
}

export async function privacyDiffCommand(argv: readonly string[], ctx: PrivacyDiffContext): Promise<number> {
  const options = {
    base: { type: 'string' },
    'base-dir': { type: 'string' },
    'head-dir': { type: 'string' },
    json: { type: 'boolean' },
    'json-out': { type: 'string' },
  } as const;
  const { values, positionals } = parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}.`);
  if ((values.base === undefined) === (values['base-dir'] === undefined)) throw new UsageError('give exactly one of --base <git-ref> and --base-dir <cdk.out>.');
  for (const key of ['base', 'base-dir', 'head-dir', 'json-out'] as const) {
    if (values[key] === '') throw new UsageError(`--${key} needs a value.`);
  }

  const ws = new Workspace();
  try {
    const baseSide = (): SynthesizedSide | Promise<SynthesizedSide> =>
      values.base !== undefined ? synthGitRef(ctx.repoRoot, values.base, ws) : existingOutput(values['base-dir']!, '--base-dir');
    const headSide = (): SynthesizedSide | Promise<SynthesizedSide> =>
      values['head-dir'] !== undefined ? existingOutput(values['head-dir'], '--head-dir') : synthWorkingTree(ctx.repoRoot, ws);
    // The two synths run side by side: each is mostly single-threaded.
    const [base, head] = await Promise.all([baseSide(), headSide()]);
    const diff = diffModels(buildPrivacyModel(readAssembly(base.dir)), buildPrivacyModel(readAssembly(head.dir)));
    const sides = { base: base.label, head: head.label, notes: [...base.notes, ...head.notes] };
    if (values['json-out']) fs.writeFileSync(values['json-out'], renderJson(diff, sides));
    ctx.out(values.json ? renderJson(diff, sides) : renderMarkdown(diff, sides));
    return 0;
  } finally {
    ws.cleanup();
  }
}
