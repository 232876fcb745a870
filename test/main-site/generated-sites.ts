import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const FIXTURES = path.join(__dirname, '..', 'fixtures');

export interface GeneratedSites {
  /** Debian's Sphinx (dirhtml builder, alabaster theme) output of test/fixtures/sphinx-docs. */
  readonly sphinx: string;
  /** Debian's Hugo output of test/fixtures/hugo-site. */
  readonly hugo: string;
  /** Removes every folder the builds wrote. */
  cleanup(): void;
}

/**
 * Builds the fixture sources with the real generators into a fresh temporary
 * folder: /usr/bin/sphinx-build (python3-sphinx) and /usr/bin/hugo, as .ci/run
 * installs them. Doctrees go beside the output, not into it, as a publishing build would.
 */
export function buildGeneratedSites(): GeneratedSites {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'estate-generated-'));
  try {
    const sphinx = path.join(root, 'sphinx');
    execFileSync('/usr/bin/sphinx-build', ['-q', '-b', 'dirhtml', '-d', path.join(root, 'doctrees'), path.join(FIXTURES, 'sphinx-docs'), sphinx], {
      stdio: 'pipe',
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
    });
    const hugo = path.join(root, 'hugo');
    execFileSync('/usr/bin/hugo', ['--quiet', '--source', path.join(FIXTURES, 'hugo-site'), '--destination', hugo, '--cacheDir', path.join(root, 'hugo-cache')], { stdio: 'pipe' });
    fs.rmSync(path.join(FIXTURES, 'hugo-site', '.hugo_build.lock'), { force: true });
    return { sphinx, hugo, cleanup: () => fs.rmSync(root, { recursive: true, force: true }) };
  } catch (e) {
    fs.rmSync(root, { recursive: true, force: true });
    throw e;
  }
}
