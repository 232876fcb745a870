import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { Preview, startPreview } from '../../lib/preview';

/**
 * `_redirects` and `404.html` are read at synth; the preview watches them and
 * swaps in a rebuilt edge, so editing them needs no restart.
 */

/** One request to the preview as a browser would send it (Host: the site's host name). */
function get(preview: Preview, urlPath: string): Promise<{ status: number; location?: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: preview.port, path: urlPath, headers: { host: `${preview.host}:${preview.port}` } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, location: res.headers.location, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Waits until the preview logs `count` lines (each rebuild, or refused rebuild, logs one). */
async function logged(lines: string[], count: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (lines.length < count) {
    if (Date.now() > deadline) throw new Error(`the preview logged ${lines.length} of ${count} lines: ${lines.join(' | ')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the preview rebuilds the main site routes when their files change', () => {
  const content = fs.mkdtempSync(path.join(os.tmpdir(), 'routing-reload-'));
  const log: string[] = [];
  let preview: Preview;

  beforeAll(async () => {
    fs.writeFileSync(path.join(content, 'index.html'), '<!doctype html><title>Home</title><p>home</p>\n');
    fs.writeFileSync(path.join(content, 'new.html'), '<!doctype html><title>New</title><p>new</p>\n');
    preview = await startPreview({ site: 'main', contentDir: content, log: (line) => log.push(line) });
  });

  afterAll(async () => {
    await preview?.close();
    fs.rmSync(content, { recursive: true, force: true });
  });

  test('a redirect added to _redirects is answered without a restart', async () => {
    expect((await get(preview, '/old.html')).status).toBe(404);
    fs.writeFileSync(path.join(content, '_redirects'), '/old.html /new.html 301\n');
    await logged(log, 1);
    expect(log[0]).toMatch(/_redirects changed; redirects and the 404 page rebuilt/);
    expect(await get(preview, '/old.html')).toEqual(expect.objectContaining({ status: 301, location: '/new.html' }));
  });

  test('a _redirects line the synth refuses is reported, and the previous routes stay', async () => {
    fs.writeFileSync(path.join(content, '_redirects'), '/old.html /new.html 302\n');
    await logged(log, 2);
    expect(log[1]).toMatch(/_redirects changed, but the estate does not synthesize: .*_redirects:1: "\/old\.html \/new\.html 302".*the edge answers 301 only.*Still serving the previous routes\./);
    expect(await get(preview, '/old.html')).toEqual(expect.objectContaining({ status: 301, location: '/new.html' }));
  });

  test("a 404.html added later becomes the site's 404 page", async () => {
    expect((await get(preview, '/missing.html')).body).not.toContain('our own missing page');
    fs.writeFileSync(path.join(content, '_redirects'), '/old.html /new.html 301\n');
    fs.writeFileSync(path.join(content, '404.html'), '<!doctype html><title>Missing</title><p>our own missing page</p>\n');
    await logged(log, 3);
    expect(log[2]).toMatch(/changed; redirects and the 404 page rebuilt/);
    expect(await get(preview, '/missing.html')).toEqual(expect.objectContaining({ status: 404, body: expect.stringContaining('our own missing page') }));
  });
});
