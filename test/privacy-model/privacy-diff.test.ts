import { readAssembly } from '../../lib/privacy-model/assembly';
import { buildPrivacyModel } from '../../lib/privacy-model/build';
import { privacyDiffCommand } from '../../lib/privacy-model/command';
import { modelLines } from '../../lib/privacy-model/lines';
import { PrivacyModel } from '../../lib/privacy-model/types';
import { CHANGES, synthesize } from './changes';
import { EXPECTED_DIFFS, EXPECTED_MODEL_CHANGES } from './expected';

const baseDir = synthesize();
const base = buildPrivacyModel(readAssembly(baseDir));
const heads: Record<string, { dir: string; model: PrivacyModel }> = {};
for (const [key, change] of Object.entries(CHANGES)) {
  const dir = synthesize(change);
  heads[key] = { dir, model: buildPrivacyModel(readAssembly(dir)) };
}

/** What `npm run privacy-diff -- --base-dir <base> --head-dir <head>` prints, after its header (which names the temp folders). */
async function printed(key: string, extra: string[] = []): Promise<string[]> {
  let out = '';
  const code = await privacyDiffCommand(['--base-dir', baseDir, '--head-dir', heads[key].dir, ...extra], { repoRoot: process.cwd(), out: (t) => (out += t) });
  expect(code).toBe(0);
  return out.split('\n');
}

describe('privacy model of the estate as estate.config.ts ships it', () => {
  // Reviewed first in a pull request: what the templates promise, one line per fact.
  test('snapshot', () => {
    expect(modelLines(base).join('\n')).toMatchSnapshot();
  });

  test('names things by construct path and site, never by asset hash or logical id', () => {
    const text = modelLines(base).join('\n');
    expect(text).not.toMatch(/[0-9a-f]{64}/);
    expect(text).not.toMatch(/\b[A-Z][A-Za-z0-9]+[0-9A-F]{8}\b/);
    expect(text).toContain('store S3 bucket Estate-Logs/Logs: S3-managed keys; 30 days');
  });

  test.each(Object.keys(CHANGES))('%s changes exactly the snapshot lines that name it', (key) => {
    const before = modelLines(base);
    const after = modelLines(heads[key].model);
    expect({ removed: before.filter((l) => !after.includes(l)), added: after.filter((l) => !before.includes(l)) }).toEqual(EXPECTED_MODEL_CHANGES[key]);
  });
});

describe('npm run privacy-diff on each measured change', () => {
  test.each(Object.keys(CHANGES))('%s: the lines it prints', async (key) => {
    const lines = await printed(key);
    expect(lines[0]).toBe(`## Privacy diff: ${baseDir} → ${heads[key].dir}`);
    expect(lines.slice(1)).toEqual(EXPECTED_DIFFS[key]);
  });

  test('an image bump changes nothing the policy promises', async () => {
    expect(await printed('imageBump')).toContain('no change to what the policy promises');
  });

  test('--json gives the same changes for machines', async () => {
    const json = JSON.parse((await printed('gaCookie', ['--json'])).join('\n'));
    expect(json.changes).toEqual([
      expect.objectContaining({ effect: 'widening', category: 'cookie', text: expect.stringContaining('Appman: new cookie `visitor_id`, 400 days') }),
    ]);
    expect(json.disclosureDiff).toContain('+ | visitor_id | Recognizes returning visitors. | up to 400 days | always | yes |');
    expect(JSON.parse((await printed('imageBump', ['--json'])).join('\n')).summary).toBe('no change to what the policy promises');
  });
});
