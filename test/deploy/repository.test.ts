import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { estateConfig } from '../../estate.config';
import { buildEstate } from '../setup/estate';

const ROOT = path.join(__dirname, '..', '..');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));

/** What `git check-ignore` says of a path (tracked or not, existing or not): the matching rule, or undefined. */
function ignoredBy(relative: string): string | undefined {
  const result = spawnSync('git', ['check-ignore', '--no-index', '-v', relative], { cwd: ROOT, encoding: 'utf8' });
  if (result.status === 1) return undefined;
  // -v also reports a matching negation ("!pattern"), which means the path is not ignored.
  if (result.status === 0) return /^[^\t]*:\d+:!/.test(result.stdout) ? undefined : result.stdout.trim();
  throw new Error(`git check-ignore failed: ${result.stderr}`);
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

describe('.gitignore', () => {
  test('never ignores main-site content: a script added under site/ is committed', () => {
    for (const file of ['site/docs/_static/x.js', 'site/app.js', 'site/js/menu.mjs', 'site/types.d.ts']) {
      expect({ file, ignoredBy: ignoredBy(file) }).toEqual({ file, ignoredBy: undefined });
    }
  });

  test('every file in the content folder on disk is one git would commit', () => {
    const content = path.join(ROOT, estateConfig.sites.main.contentDir);
    const ignored = listFiles(content)
      .map((f) => path.relative(ROOT, f))
      .filter((f) => ignoredBy(f) !== undefined);
    expect(ignored).toEqual([]);
  });

  test('still ignores what the build and tools write', () => {
    for (const file of ['node_modules/x/index.js', 'cdk.out/manifest.json', 'lib/estate.js', 'lib/estate.d.ts', 'bin/estate.js', 'test/x.test.js']) {
      expect({ file, ignored: ignoredBy(file) !== undefined }).toEqual({ file, ignored: true });
    }
    expect(ignoredBy('jest.config.js')).toBeUndefined();
  });
});

describe('main-site content', () => {
  test('a script in the content folder reaches the synthesized site assets', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'estate-site-'));
    try {
      fs.cpSync(path.join(ROOT, estateConfig.sites.main.contentDir), dir, { recursive: true });
      fs.mkdirSync(path.join(dir, 'docs', '_static'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'docs', '_static', 'menu.js'), 'document.documentElement.classList.add("js");\n');
      const config = { ...estateConfig, sites: { ...estateConfig.sites, main: { ...estateConfig.sites.main, contentDir: dir } } };
      const assembly = buildEstate(config).app.synth();
      const files = fs
        .readdirSync(assembly.directory)
        .filter((f) => f.startsWith('asset.') && fs.statSync(path.join(assembly.directory, f)).isDirectory())
        .flatMap((f) => listFiles(path.join(assembly.directory, f)).map((file) => path.relative(path.join(assembly.directory, f), file)));
      expect(files).toContain(path.join('docs', '_static', 'menu.js'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('package.json', () => {
  test('every path it names exists', () => {
    const pkg = readJson('package.json');
    const named: string[] = [];
    if (typeof pkg.bin === 'string') named.push(pkg.bin);
    else if (pkg.bin) named.push(...Object.values(pkg.bin as Record<string, string>));
    for (const field of ['main', 'types', 'typings', 'module']) if (pkg[field]) named.push(pkg[field]);
    if (pkg.files) named.push(...pkg.files);
    // Scripts run files by path: `node -r ts-node/register bin/x.ts`, `cdk synth`, ...
    for (const script of Object.values(pkg.scripts as Record<string, string>)) {
      named.push(...script.split(/\s+/).filter((word) => /^(bin|lib|bench|test)\//.test(word)));
    }
    expect(named.length).toBeGreaterThan(0);
    const missing = named.filter((p) => !fs.existsSync(path.join(ROOT, p)));
    expect(missing).toEqual([]);
  });
});

describe('tsconfig.json', () => {
  test('every include entry exists', () => {
    const include: string[] = readJson('tsconfig.json').include;
    const missing = include.filter((p) => !fs.existsSync(path.join(ROOT, p)));
    expect(missing).toEqual([]);
  });
});

test('git sees the repository root the tests read', () => {
  expect(fs.realpathSync(execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: ROOT, encoding: 'utf8' }).trim())).toBe(fs.realpathSync(ROOT));
});
