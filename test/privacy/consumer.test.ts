/**
 * The pack as a consumer loads it: examples/third-party-app compiled by the real
 * TypeScript compiler under the consumer's own tsconfig (no esModuleInterop, no
 * resolveJsonModule), then run as plain JavaScript by Node. A default import of
 * JSON anywhere in the pack compiles here to `x_json_1.default` and fails at load
 * with "is not iterable"; that is the failure this test guards against.
 */
import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const ROOT = join(__dirname, '../..');
const EXAMPLE = join(ROOT, 'examples/third-party-app');

// Compiling the pack with tsc and loading aws-cdk-lib in a child process take tens of seconds on a busy machine.
jest.setTimeout(300_000);

describe('examples/third-party-app (a consumer without esModuleInterop)', () => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'privacy-consumer-'));
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(EXAMPLE, 'tsconfig.json'), '--outDir', out], {
      cwd: ROOT,
      stdio: 'pipe',
    });
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  const run = (region: string) =>
    spawnSync(process.execPath, [join(out, 'examples/third-party-app/app.js'), region], {
      cwd: ROOT,
      env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
      encoding: 'utf8',
    });

  test('imports the pack only through its public face, lib/privacy (index.ts), as docs/RULES.md shows', () => {
    const source = readFileSync(join(EXAMPLE, 'app.ts'), 'utf8');
    const local = [...source.matchAll(/from '(\.[^']*)'/g)].map((m) => m[1]);
    expect(local).toEqual(['../../lib/privacy']);
    const rulesDoc = readFileSync(join(ROOT, 'docs/RULES.md'), 'utf8');
    const documented = [...rulesDoc.matchAll(/import \{ PrivacyChecks \} from '([^']*)'/g)].map((m) => join(ROOT, m[1]));
    expect(documented).toEqual([join(EXAMPLE, local[0])]);
  });

  test('its tsconfig really lacks esModuleInterop and resolveJsonModule', () => {
    const options = JSON.parse(readFileSync(join(EXAMPLE, 'tsconfig.json'), 'utf8')).compilerOptions;
    expect(options.esModuleInterop).toBeUndefined();
    expect(options.resolveJsonModule).toBeUndefined();
  });

  test('loads the pack and synthesizes a compliant app with no findings', () => {
    const r = run('eu-west-1');
    expect(r.stderr).not.toMatch(/not iterable|Cannot find module/);
    expect(r.stdout).toContain('PhotoShare in eu-west-1: no privacy findings');
    expect(r.status).toBe(0);
  });

  test('fails synth with the residency finding when the app moves to us-east-1', () => {
    const r = run('us-east-1');
    expect(r.stdout).toMatch(/Privacy-DataResidency/);
    expect(r.status).toBe(1);
  });
});
