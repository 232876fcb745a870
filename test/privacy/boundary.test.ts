/**
 * The pack is a package: nothing under lib/privacy/ (nor the CloudFront Functions
 * harness it shares with the estate, lib/cloudfront-functions/) imports the
 * estate. An adopter copying or publishing the pack gets no estate config, stack
 * or construct with it.
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const PACK = path.join(ROOT, 'lib', 'privacy');
const SHARED = path.join(ROOT, 'lib', 'cloudfront-functions');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.(ts|js|json)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Every module specifier a file names: static and dynamic imports, `export … from`, require. */
export function specifiers(source: string): string[] {
  const found = new Set<string>();
  // Comments may quote import forms (and do: "rather than `import ... from '*.json'`").
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)(['"])([^'"]+)\1/g)) found.add(m[2]);
  return [...found];
}

/** Where a specifier points: a file of this repository (absolute path), or 'package' for node_modules and node: built-ins. */
function resolveFrom(file: string, spec: string): string {
  if (!spec.startsWith('.')) {
    // Bare specifiers must be packages: resolving them from the file finds node_modules (or a built-in).
    const resolved = require.resolve(spec, { paths: [path.dirname(file)] });
    return path.isAbsolute(resolved) && !resolved.includes(`${path.sep}node_modules${path.sep}`) ? resolved : 'package';
  }
  const base = path.resolve(path.dirname(file), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.json`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`${path.relative(ROOT, file)}: cannot resolve ${spec}`);
}

const inside = (dir: string, file: string) => !path.relative(dir, file).startsWith('..');

/** Imports reachable from the pack that leave it (and its shared harness folder), as "file → target". */
function escapes(): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const queue = sourceFiles(PACK);
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const spec of specifiers(fs.readFileSync(file, 'utf8'))) {
      const target = resolveFrom(file, spec);
      if (target === 'package') continue;
      if (inside(PACK, target) || inside(SHARED, target)) queue.push(target);
      else out.push(`${path.relative(ROOT, file)} → ${path.relative(ROOT, target)}`);
    }
  }
  return out;
}

describe('the PrivacyChecks pack boundary', () => {
  test('finds the specifiers of every import form', () => {
    const source = [
      "import { a } from './a';",
      "import type { B } from '../../config';",
      "export * from './rules';",
      "import './side-effect';",
      "const c = require('../estate');",
      "const d = await import('node:vm');",
      "// rather than `import x from '*.json'`",
      "/* import { e } from '../elsewhere' */",
    ].join('\n');
    expect(specifiers(source).sort()).toEqual(['../../config', '../estate', './a', './rules', './side-effect', 'node:vm']);
  });

  test('walks the whole pack, shared harness included', () => {
    const files = sourceFiles(PACK).map((f) => path.relative(ROOT, f));
    expect(files).toEqual(expect.arrayContaining(['lib/privacy/index.ts', 'lib/privacy/privacy-checks.ts', 'lib/privacy/rules/DataResidency.ts']));
  });

  test('no import reachable from lib/privacy/ leaves it, except to lib/cloudfront-functions/ and packages', () => {
    expect(escapes()).toEqual([]);
  });
});
