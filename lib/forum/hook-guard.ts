/**
 * app.yml's hooks must run, or the rebuild must fail.
 *
 * pups (discourse/pups lib/pups/config.rb, `inject_hooks`) places an app.yml hook
 * `after_NAME` right after, and `before_NAME` right before, the template run command that
 * carries `hook: NAME` (discourse_docker templates/web.template.yml has `hook: db_migrate`
 * on `rake db:migrate`). When no command carries that name, for instance after
 * discourse_docker renames it, pups only logs "Skipped missing after_NAME hook" and the
 * build succeeds without the hook. So each hook here ends by leaving a marker, and the last
 * command of app.yml's `run` (pups runs app.yml's commands after the templates', cli.rb
 * merging with :merge_arrays) fails the build if a marker is missing.
 */
export type PupsCommand = Record<string, unknown>;

/** Inside the bootstrap container; removed by the check, so the committed image keeps no marker. */
export const HOOK_MARKER_DIR = '/tmp/forum-hooks-ran';

/** The template hook a key names, as pups reads it: `after_X` and `before_X` target `X`. */
export function hookTarget(key: string): string {
  const match = /^(after|before)_(.+)$/.exec(key);
  if (!match) {
    throw new Error(`app.yml hooks.${key}: pups places only after_<hook> or before_<hook>; rename it after the template hook it follows.`);
  }
  return match[2];
}

/** The hooks, each ending with the command that records it ran. */
export function guardedHooks(hooks: Record<string, PupsCommand[]>): Record<string, PupsCommand[]> {
  return Object.fromEntries(
    Object.entries(hooks).map(([key, list]) => {
      hookTarget(key);
      return [key, [...list, { exec: { cmd: [`mkdir -p ${HOOK_MARKER_DIR} && touch ${HOOK_MARKER_DIR}/${key}`] } }]];
    }),
  );
}

/** The run command that fails the build, naming the hook and the fix, if a hook did not run. */
export function hooksRanCheck(keys: readonly string[]): PupsCommand {
  const checks = keys.map(
    (key) =>
      `test -f ${HOOK_MARKER_DIR}/${key} || (echo 'app.yml hook ${key} never ran: no run command in the ` +
      `discourse_docker templates carries "hook: ${hookTarget(key)}" (pups only logs "Skipped missing ${key} hook"). ` +
      `Find what the templates call it now and update lib/forum/app-yml.ts.' 1>&2; exit 1)`,
  );
  return { exec: { cmd: [...checks, `rm -rf ${HOOK_MARKER_DIR}`] } };
}
