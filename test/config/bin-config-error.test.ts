import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SHAPES } from '../deploy/shapes';

const ROOT = path.join(__dirname, '..', '..');

/** Runs the app entry point the way the cdk CLI does: context and output dir through the environment. */
function runApp(context: Record<string, string>) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'estate-out-'));
  try {
    const result = spawnSync(process.execPath, ['-r', 'ts-node/register', 'bin/estate.ts'], {
      cwd: ROOT,
      env: { ...process.env, CDK_OUTDIR: outdir, CDK_CONTEXT_JSON: JSON.stringify(context) },
      encoding: 'utf8',
    });
    return { ...result, files: fs.readdirSync(outdir) };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

const domainShape = SHAPES[2][1];

describe('bin/estate.ts with a bad -c value', () => {
  test.each([
    ['a non-EU region', { region: 'us-east-1' }, /region: "us-east-1" — not an EU region/],
    ['Zurich', { region: 'eu-central-2' }, /region: "eu-central-2" — not an EU region: Zurich is in Switzerland/],
    ['a misspelled key', { regoin: 'eu-west-3' }, /-c regoin: "eu-west-3" — unknown context key; did you mean -c region=/],
    ['an empty value', { appmanImage: '' }, /-c appmanImage: "" — empty value/],
    ['an invalid image', { appmanImage: 'Appman Latest' }, /sites\.appman\.image: "Appman Latest" — not a valid image reference/],
    [
      'the example values with a domain',
      { domainName: 'example.org', hostedZoneId: 'Z0123456789ABCDEFGHIJ' },
      /sites\.appman\.image: "ghcr\.io\/rockstor\/appman:1\.0\.0" — this is the example image[\s\S]*sites\.forum\.adminEmails\[0\]: "admin@example\.org" — this is the example admin/,
    ],
  ])('%s stops with the field-named error and writes no templates', (_name, context, message) => {
    const run = runApp(context as Record<string, string>);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.files.filter((f) => f.endsWith('.template.json'))).toEqual([]);
  });

  test('the documented domain shape synthesizes every stack', () => {
    const run = runApp({ ...domainShape });
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.status).toBe(0);
    expect(run.files).toEqual(
      expect.arrayContaining(['Estate-Logs.template.json', 'Estate-MainSite.template.json', 'Estate-EdgeCertificates.template.json', 'Estate-Forum.template.json']),
    );
  });
});

describe('the app entry with content that breaks a promise', () => {
  test('the content scan prints its findings with their fixes, once, with no stack trace, and writes no templates', () => {
    const content = fs.mkdtempSync(path.join(os.tmpdir(), 'estate-content-'));
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'estate-out-'));
    try {
      fs.writeFileSync(path.join(content, 'index.html'), '<!doctype html><title>x</title><script async src="https://www.googletagmanager.com/gtag/js?id=G-ABC123"></script>');
      const script =
        "const { estateConfig: c } = require('./estate.config'); const { runEstateApp } = require('./lib/estate-app');" +
        "const { privacyPolicy } = require('./privacy-policy');" +
        `runEstateApp({ ...c, sites: { ...c.sites, main: { ...c.sites.main, contentDir: ${JSON.stringify(content)} } } }, privacyPolicy);`;
      const run = spawnSync(process.execPath, ['-r', 'ts-node/register', '-e', script], {
        cwd: ROOT,
        env: { ...process.env, CDK_OUTDIR: outdir, CDK_CONTEXT_JSON: '{}' },
        encoding: 'utf8',
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/Main site content scan of .*: \d+ findings?\n {2}- index\.html:1 /);
      expect(run.stderr).toContain('fix: ');
      expect(run.stderr.match(/Main site content scan of/g)).toHaveLength(1);
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect(fs.readdirSync(outdir).filter((f) => f.endsWith('.template.json'))).toEqual([]);
    } finally {
      fs.rmSync(content, { recursive: true, force: true });
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});
