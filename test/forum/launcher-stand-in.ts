import { parse } from 'yaml';

/**
 * What discourse_docker's `launcher` prints from `containers/app.yml`, modelled on the
 * launcher at the pinned commit (DISCOURSE_DOCKER_COMMIT in lib/forum/user-data.ts).
 *
 * `set_template_info` (launcher, lines 361–512) joins `hack: true`, each template and
 * the config with ` _FILE_SEPERATOR_ ` and pipes it into a throw-away container
 * (`docker run $user_args --rm -i -a stdin -a stdout $image ruby -e "$env_ruby"`, line 404).
 * Its Ruby merges each part's `env` over `{'LANG' => 'en_US.UTF-8'}` and prints
 * `-e\nKEY=value` for every entry. A part Psych cannot parse prints the error and
 * `*ERROR.`; any other error prints the whole part (`puts yml`, line 393) and the
 * exception. Docker's daemon default log driver receives all of that container's stdout.
 */
export function launcherTemplateInput(configText: string, templateTexts: readonly string[] = []): string {
  // launcher lines 367–377: `input="hack: true"`, then `input="$input _FILE_SEPERATOR_ $(cat $template)"`.
  return ['hack: true', ...templateTexts, configText].join(' _FILE_SEPERATOR_ ');
}

/** The stdout of launcher's env container (`env_ruby`, launcher lines 379–398). */
export function launcherEnvDump(input: string): string {
  const out: string[] = [];
  const env = new Map<string, unknown>([['LANG', 'en_US.UTF-8']]);
  for (const part of input.split('_FILE_SEPERATOR_')) {
    const yml = part.trim();
    let doc: unknown;
    try {
      // Psych reads YAML 1.1 (pups and launcher both use Ruby's YAML).
      doc = parse(yml, { version: '1.1' });
    } catch (e) {
      out.push(String(e), '*ERROR.');
      continue;
    }
    if (doc === null || typeof doc !== 'object') {
      // `YAML.load(yml)['env']` on nil raises NoMethodError: `rescue => e; puts yml; p e`.
      out.push(yml, '#<NoMethodError>');
      continue;
    }
    for (const [k, v] of Object.entries(((doc as Record<string, unknown>).env ?? {}) as Record<string, unknown>)) env.set(k, v);
  }
  for (const v of env.values()) if (v !== null && typeof v === 'object') out.push('*ERROR.');
  out.push([...env].map(([k, v]) => `-e\n${k}=${rubyToS(v)}`).join('\n'));
  return out.join('\n') + '\n';
}

/** Ruby's `"#{v}"` for the scalars app.yml holds; anything else is refused (the stand-in stays strict). */
function rubyToS(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isInteger(v)) return String(v);
  if (typeof v === 'boolean') return String(v);
  if (v === null) return '';
  throw new Error(`launcher stand-in: env value ${JSON.stringify(v)} is not a scalar the stand-in models`);
}

/**
 * `merge_user_args` (launcher lines 604–613, called at the end of `set_template_info`, line 512):
 * app.yml's `docker_args`, added to `$user_args` and so to every `docker run` the launcher makes
 * after that, including the env container of the second `set_template_info` in `run_start`
 * (line 639), the bootstrap container (line 741) and the app container (line 681).
 */
export function launcherDockerArgs(configText: string): string {
  const value = (parse(configText, { version: '1.1' }) as Record<string, unknown>).docker_args;
  return value === undefined || value === null ? '' : String(value);
}

/**
 * How `docker run --env-file` reads a file: docker/cli opts/file.go, `parseKeyValueFile`.
 * Leading whitespace trimmed, blank and `#` lines skipped, split at the first `=`, the
 * value passed through untouched (no quote removal), a name with whitespace refused.
 */
export function dockerEnvFile(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const line = raw.replace(/^\s+/, '');
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq < 0) throw new Error(`env file: line without "=" takes the host's value, which the forum never relies on: ${line}`);
    const name = line.slice(0, eq).replace(/^[ \t]+/, '');
    if (/[ \t]/.test(name) || name === '') throw new Error(`poorly formatted environment: variable '${name}'`);
    vars[name] = line.slice(eq + 1);
  }
  return vars;
}
