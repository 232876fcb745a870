import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/**
 * How pups (discourse/pups, the gem discourse_docker's bootstrap container runs as
 * `pups --stdin`, launcher line 726) assembles and runs a container definition, for the
 * parts app.yml's hooks depend on.
 */
export type PupsRow = Record<string, any>;
export interface PupsConfig {
  readonly run?: PupsRow[];
  readonly hooks?: Record<string, PupsRow[]>;
}

/**
 * lib/pups/cli.rb `run`: the parts are merged in order with `MergeCommand.deep_merge(...,
 * :merge_arrays)` (lib/pups/merge_command.rb), so `run` is the templates' commands
 * followed by app.yml's, and `hooks` come from app.yml.
 */
export function mergeRun(templates: readonly PupsConfig[], app: PupsConfig): { run: PupsRow[]; hooks: Record<string, PupsRow[]> } {
  return { run: [...templates.flatMap((t) => t.run ?? []), ...(app.run ?? [])], hooks: { ...(app.hooks ?? {}) } };
}

/**
 * lib/pups/config.rb `inject_hooks` (lines 152–190 at v1.3.0; the same logic at v1.0.3,
 * launcher's `pups_version`): each run row whose command hash carries `hook: NAME` is a
 * position; `after_NAME` is inserted right after it, `before_NAME` right before. A hook with
 * no such position is only logged, `Pups.log.info "Skipped missing #{full} hook"`, and the
 * build goes on.
 */
export function injectHooks(run: PupsRow[], hooks: Record<string, PupsRow[]>): { run: PupsRow[]; log: string[] } {
  const out = [...run];
  const log: string[] = [];
  const positions = new Map<string, PupsRow>();
  for (const row of out) {
    const command = Object.values(row)[0];
    if (command && typeof command === 'object' && !Array.isArray(command) && command.hook) positions.set(command.hook, row);
  }
  for (const [full, list] of Object.entries(hooks)) {
    let name: string | undefined;
    let offset = 0;
    if (/^after_/.test(full)) [name, offset] = [full.slice(6), 1];
    if (/^before_/.test(full)) [name, offset] = [full.slice(7), 0];
    const at = name === undefined ? undefined : positions.get(name);
    const index = at ? out.indexOf(at) : -1;
    if (index >= 0) out.splice(index + offset, 0, ...list);
    else log.push(`Skipped missing ${full} hook`);
  }
  return { run: out, log };
}

/**
 * Runs the assembled rows in a sandbox folder standing for the container's `/`:
 * `exec` (lib/pups/exec_command.rb: each command through a shell, `cd` first, a non-zero
 * exit raises and ends the build), `file` (file_command.rb: writes `contents`) and
 * `replace` (replace_command.rb: a `/regex/` or literal `from`; the first match only unless
 * `global: true`). Params are
 * interpolated as `$name` (config.rb `interpolate_params`). Commands that need Discourse
 * itself (`su discourse -c ...`) cannot run here and count as succeeded; everything else runs.
 */
export function runInSandbox(rows: readonly PupsRow[], root: string, params: Record<string, string>): { status: number; stderr: string } {
  const inRoot = (text: string) => text.replace(/(^|[\s'"(=>])\/(tmp|etc|var)\//g, `$1${root}/$2/`);
  const interpolate = (text: string) => Object.entries(params).reduce((t, [k, v]) => t.split(`$${k}`).join(v), text);
  for (const row of rows) {
    const [type, spec] = Object.entries(row)[0];
    if (type === 'file') {
      const file = interpolate(inRoot(spec.path));
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, interpolate(spec.contents));
    } else if (type === 'replace') {
      const file = inRoot(spec.filename);
      const from: string = spec.from;
      const text = fs.readFileSync(file, 'utf8');
      const global = String(spec.global) === 'true';
      const pattern = from.startsWith('/') && from.endsWith('/') ? new RegExp(from.slice(1, -1), global ? 'g' : '') : from;
      const literal = (t: string) => (global ? t.split(from).join(spec.to) : t.replace(from, () => spec.to));
      fs.writeFileSync(file, typeof pattern === 'string' ? literal(text) : text.replace(pattern, spec.to));
    } else if (type === 'exec') {
      const cmds: string[] = typeof spec.cmd === 'string' ? [spec.cmd] : spec.cmd;
      for (const cmd of cmds) {
        if (cmd.startsWith('su discourse -c')) continue;
        // Sandbox paths first, then params (a param may itself name the sandbox).
        const cd = spec.cd ? `cd ${interpolate(inRoot(spec.cd))} && ` : '';
        const run = spawnSync('sh', ['-c', cd + interpolate(inRoot(cmd))], { encoding: 'utf8' });
        if (run.status !== 0) return { status: run.status ?? 1, stderr: run.stderr };
      }
    } else {
      throw new Error(`pups stand-in: Invalid run command ${type}`);
    }
  }
  return { status: 0, stderr: '' };
}
