/**
 * The README's "Layout" block is the map a newcomer reads first; it went stale
 * once. Each entry's first column names a path (several separated by ", "); every
 * one must exist, and every folder of lib/ and of the repository root (tracked by
 * git) must be named, so a folder added or moved without the map fails here.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');

/** The paths the first column of the README's Layout block names, as written (folders end in "/"). */
export function layoutEntries(readme: string): string[] {
  const section = /^## Layout\n([\s\S]*?)^## /m.exec(readme);
  if (!section) throw new Error('README has no "## Layout" section');
  const block = /^```\n([\s\S]*?)^```/m.exec(section[1]);
  if (!block) throw new Error('README Layout section has no code block');
  return block[1]
    .split('\n')
    .filter((line) => /^\S/.test(line))
    .flatMap((line) => line.split(/\s{2,}/)[0].split(/,\s*/))
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}

/** Folders git tracks files in at the repository root (node_modules, cdk.out and other ignored output are not). */
function trackedTopLevelFolders(): string[] {
  const files = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
  return [...new Set(files.filter((f) => f.includes('/')).map((f) => `${f.split('/')[0]}/`))].sort();
}

const entries = layoutEntries(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'));

describe('README "Layout"', () => {
  test('reads the first column of the block, one or several paths per line', () => {
    const sample = ['## Layout', '', '```', 'lib/a/             what a is', '                   continued', 'lib/b/, lib/c/   two', 'x.ts   a file', '```', '', '## Next'].join('\n');
    expect(layoutEntries(sample)).toEqual(['lib/a/', 'lib/b/', 'lib/c/', 'x.ts']);
  });

  test('every path it names exists (a folder as a folder)', () => {
    const missing = entries.filter((entry) => {
      const full = path.join(ROOT, entry);
      if (!fs.existsSync(full)) return true;
      return entry.endsWith('/') !== fs.statSync(full).isDirectory();
    });
    expect(missing).toEqual([]);
  });

  test('names every folder under lib/', () => {
    const folders = fs
      .readdirSync(path.join(ROOT, 'lib'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => `lib/${e.name}/`);
    expect(folders.length).toBeGreaterThan(5);
    expect(folders.filter((f) => !entries.includes(f))).toEqual([]);
  });

  test('names every top-level folder of the repository', () => {
    const folders = trackedTopLevelFolders();
    expect(folders).toEqual(expect.arrayContaining(['bin/', 'lib/', 'test/']));
    expect(folders.filter((f) => !entries.includes(f))).toEqual([]);
  });
});
