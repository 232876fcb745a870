import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { forumAppYml } from '../../lib/forum/app-yml';
import { guardedHooks, hooksRanCheck } from '../../lib/forum/hook-guard';
import { DISCOURSE_DOCKER_COMMIT } from '../../lib/forum/user-data';
import { injectHooks, mergeRun, PupsConfig, PupsRow, runInSandbox } from './pups-stand-in';

/**
 * The hook names the run commands of discourse_docker's templates carry at the pinned commit
 * (read from the templates themselves; see the fixture's `readWith`).
 */
const pinned: { commit: string; templates: Record<string, { hook: string; line: number }[]> } = JSON.parse(
  fs.readFileSync(path.join(__dirname, 'fixtures', 'discourse-docker-hooks.json'), 'utf8'),
);

const appYml: PupsConfig & { templates: string[] } = parse(
  forumAppYml({ hostname: 'forum.example.org', adminEmails: ['admin@example.org'] }),
  { version: '1.1' },
);

/** The templates app.yml names, as pups sees them: one run row per hook, in template order. */
function templateRuns(rename: Record<string, string> = {}): PupsConfig[] {
  return appYml.templates.map((t) => {
    const hooks = pinned.templates[t];
    if (!hooks) throw new Error(`fixtures/discourse-docker-hooks.json: no hooks read for ${t}`);
    return { run: hooks.map(({ hook }) => ({ exec: { cmd: ['true'], hook: rename[hook] ?? hook } })) };
  });
}

/** Assembles the run list as pups does and runs it in a sandbox holding what the templates leave. */
function rebuild(rename: Record<string, string> = {}) {
  const { run, hooks } = mergeRun(templateRuns(rename), appYml);
  const assembled = injectHooks(run, hooks);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'forum-pups-'));
  try {
    fs.mkdirSync(path.join(root, 'etc/nginx/conf.d'), { recursive: true });
    fs.mkdirSync(path.join(root, 'etc/logrotate.d'), { recursive: true });
    fs.mkdirSync(path.join(root, 'var/www/discourse'), { recursive: true });
    // The shape of discourse/discourse config/nginx.sample.conf's scheme map, copied by web.template.yml.
    fs.writeFileSync(path.join(root, 'etc/nginx/conf.d/discourse.conf'), 'map $http_x_forwarded_proto $thescheme {\n  default $scheme;\n}\n');
    for (const f of ['rails', 'nginx']) fs.writeFileSync(path.join(root, 'etc/logrotate.d', f), 'daily\nrotate 7\n');
    const result = runInSandbox(assembled.run, root, { home: path.join(root, 'var/www/discourse') });
    return { ...assembled, ...result, leftInTmp: fs.existsSync(path.join(root, 'tmp')) ? fs.readdirSync(path.join(root, 'tmp')) : [] };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** The index of the first row holding `needle` in its command text. */
const rowWith = (rows: PupsRow[], needle: string) => rows.findIndex((r) => JSON.stringify(r).includes(needle));

describe('app.yml hooks against the pinned discourse_docker templates', () => {
  test('the hook list was read at the commit the host checks out', () => {
    expect(pinned.commit).toBe(DISCOURSE_DOCKER_COMMIT);
    expect(pinned.templates['templates/web.template.yml']).toContainEqual({ hook: 'db_migrate', line: 224 });
  });

  test('every app.yml hook names a run command of a template app.yml uses', () => {
    const names = new Set(appYml.templates.flatMap((t) => pinned.templates[t].map((h) => h.hook)));
    const keys = Object.keys(appYml.hooks ?? {});
    expect(keys).toContain('after_db_migrate');
    for (const key of keys) expect(names).toContain(key.replace(/^(after|before)_/, ''));
  });

  test('pinned templates: the privacy script runs right after the migration and the rebuild passes', () => {
    const result = rebuild();
    expect(result.log).toEqual([]);
    const migrate = result.run.findIndex((r) => r.exec?.hook === 'db_migrate');
    expect(rowWith(result.run, '/tmp/forum-privacy-settings.rb')).toBe(migrate + 1);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    // Only the privacy script stays in the image the bootstrap container is committed to, no marker.
    expect(result.leftInTmp).toEqual(['forum-privacy-settings.rb']);
  });

  test('a renamed db_migrate: pups only logs the skip, and the rebuild fails naming the hook and the fix', () => {
    const result = rebuild({ db_migrate: 'db_migrate_renamed' });
    expect(result.log).toEqual(['Skipped missing after_db_migrate hook']);
    expect(rowWith(result.run, '/tmp/forum-privacy-settings.rb')).toBe(-1);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('after_db_migrate');
    expect(result.stderr).toContain('hook: db_migrate');
    expect(result.stderr).toContain('lib/forum/app-yml.ts');
  });
});

test('a hook key pups cannot place (neither after_ nor before_) fails synth, naming the key and the fix', () => {
  expect(() => guardedHooks({ db_migrate: [] })).toThrow(/app.yml hooks\.db_migrate: pups places only after_<hook> or before_<hook>/);
  expect(() => hooksRanCheck(['migrate'])).toThrow(/hooks\.migrate/);
});
