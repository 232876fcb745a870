import * as http from 'http';
import { AddressInfo } from 'net';
import { Browser } from 'playwright-core';
import { collectEvidence, Evidence, launchChromium, partyOf, registrableDomain } from '../../lib/evidence';

/**
 * The collector must see what a tracking site does, or its "zero" on the estate
 * proves nothing: a page that sets a cookie from script, writes storage, loads a
 * third-party script and sets a long-lived cookie from the server.
 */
const PAGE = `<!doctype html><html><head><title>tracked</title>
<script>document.cookie = '_ga=GA1.2.9; path=/; max-age=86400'; localStorage.setItem('uid', '1'); sessionStorage.setItem('sid', '2');</script>
<script src="http://tracker.example/pixel.js"></script></head>
<body><a href="/second">second</a> <a href="http://elsewhere.example/">off-site</a></body></html>`;

let browser: Browser;
let server: http.Server;
let evidence: Evidence;

beforeAll(async () => {
  browser = await launchChromium(['--host-resolver-rules=MAP tracker.example 127.0.0.1:9, MAP elsewhere.example 127.0.0.1:9']);
  server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'set-cookie': 'server_id=1; Path=/; Max-Age=31536000; SameSite=None; Secure' });
    res.end(req.url === '/second' ? '<title>second</title>' : PAGE);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  evidence = await collectEvidence(`http://tracked.localhost:${(server.address() as AddressInfo).port}/`, { pages: 5, browser });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

describe('evidence collector on a tracking page', () => {
  test('crawls same-host links only', () => {
    expect(evidence.pages.map((p) => new URL(p.url).pathname)).toEqual(['/', '/second']);
  });

  test('records script and server cookies with their attributes', () => {
    const byName = Object.fromEntries(evidence.cookies.map((c) => [c.name, c]));
    expect(Object.keys(byName).sort()).toEqual(['_ga', 'server_id']);
    expect(byName.server_id).toMatchObject({ secure: true, httpOnly: false, sameSite: 'None', party: 'first', path: '/' });
    expect(byName.server_id.expires).toBeGreaterThan(Date.now() / 1000 + 300 * 86400);
  });

  test('records storage keys and the third-party host', () => {
    expect(evidence.pages[0].localStorage).toEqual(['uid']);
    expect(evidence.pages[0].sessionStorage).toEqual(['sid']);
    expect(evidence.hosts.filter((h) => h.party === 'third').map((h) => h.host)).toEqual(['tracker.example']);
  });

  test('reports a legacy cookie that survives the visit', () => {
    expect(evidence.legacyPurge.purged).toBe(false);
    expect([...evidence.legacyPurge.remaining].sort()).toEqual(['_ga', '_gid']);
  });

  test('first and third party by registrable domain', () => {
    expect(registrableDomain('forum.example.org')).toBe('example.org');
    expect(registrableDomain('www.example.co.uk')).toBe('example.co.uk');
    expect(partyOf('.example.org', 'appman.example.org')).toBe('first');
    expect(partyOf('www.google-analytics.com', 'example.org')).toBe('third');
  });
});
