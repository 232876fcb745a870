import * as http from 'http';
import * as https from 'https';
import { AddressInfo } from 'net';
import { Preview, startPreview } from '../../lib/preview';

/*
 * preview --origin with an HTTP app that echoes what it receives: the request a
 * custom origin gets from the local edge is the one CloudFront would send
 * (lib/preview/custom-origin.ts cites the AWS documentation for each header).
 */
jest.setTimeout(120_000);

interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let echo: http.Server;
let originUrl: string;
const previews: Record<string, Preview> = {};

beforeAll(async () => {
  echo = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const received: Received = { method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString() };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(received));
    });
  });
  await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
  originUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
  for (const site of ['appman', 'forum'] as const) previews[site] = await startPreview({ site, origin: originUrl });
});

afterAll(async () => {
  for (const p of Object.values(previews)) await p.close();
  await new Promise<void>((resolve) => echo.close(() => resolve()));
});

/** One HTTPS request to the edge, accepting its self-signed certificate. */
function send(p: Preview, path: string, o: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      { host: '127.0.0.1', port: p.port, path, method: o.method ?? 'GET', servername: p.host, rejectUnauthorized: false, headers: { host: `${p.host}:${p.port}`, ...o.headers } },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, text }));
      },
    );
    req.on('error', reject);
    req.end(o.body);
  });
}

const VIEWER_HEADERS = {
  'user-agent': 'Viewer/1.0',
  'accept-language': 'de',
  referer: 'https://appman.estate.localhost/accounts/login/',
  origin: 'https://appman.estate.localhost',
  'x-csrftoken': 'token123',
  'x-forwarded-for': '198.51.100.7',
  'x-forwarded-proto': 'http',
  'cloudfront-forwarded-proto': 'http',
  'x-real-ip': '203.0.113.9',
  cookie: 'csrftoken=abc; _ga=GA1.2.3; sessionid=s1',
  'content-type': 'application/x-www-form-urlencoded',
};

test('appman: method, path, query and body pass; only the policy headers, the cookie allowlist and CloudFront’s own headers reach the origin', async () => {
  const r = await send(previews.appman, '/notes/?a=1&b=2', { method: 'POST', headers: VIEWER_HEADERS, body: 'text=hello' });
  expect(r.status).toBe(200);
  const got: Received = JSON.parse(r.text);
  expect({ method: got.method, url: got.url, body: got.body }).toEqual({ method: 'POST', url: '/notes/?a=1&b=2', body: 'text=hello' });
  expect(Object.keys(got.headers).sort()).toEqual(
    ['host', 'origin', 'referer', 'x-csrftoken', 'cloudfront-forwarded-proto', 'cookie', 'content-type', 'content-length', 'user-agent', 'x-forwarded-for', 'via', 'x-amz-cf-id', 'connection'].sort(),
  );
  expect(got.headers).toMatchObject({
    host: `${previews.appman.host}:${previews.appman.port}`,
    referer: VIEWER_HEADERS.referer,
    'x-csrftoken': 'token123',
    // CloudFront sets it from the viewer connection; the viewer's own value never passes.
    'cloudfront-forwarded-proto': 'https',
    cookie: 'csrftoken=abc; sessionid=s1',
    'user-agent': 'Amazon CloudFront',
    'x-forwarded-for': '198.51.100.7, 127.0.0.1',
    'content-length': '10',
  });
  expect(got.headers.via).toMatch(/^1\.1 [0-9a-f]{32}\.cloudfront\.net \(CloudFront\)$/);
});

test('forum: its own policy decides; headers it does not list never arrive', async () => {
  const r = await send(previews.forum, '/latest?x=1', { headers: VIEWER_HEADERS });
  const got: Received = JSON.parse(r.text);
  expect(got.url).toBe('/latest?x=1');
  expect(got.headers['accept-language']).toBeUndefined();
  expect(got.headers['x-real-ip']).toBeUndefined();
  expect(got.headers['x-forwarded-proto']).toBeUndefined();
  expect(got.headers['x-csrftoken']).toBeUndefined();
  expect(got.headers.cookie).toBeUndefined();
});

test('a GET with a body is refused with 403, as CloudFront does', async () => {
  const r = await send(previews.appman, '/', { headers: { 'content-length': '3' }, body: 'abc' });
  expect(r.status).toBe(403);
});

test('an origin URL with a path or another scheme is refused, naming the fix', async () => {
  await expect(startPreview({ site: 'appman', origin: 'https://127.0.0.1:1' })).rejects.toThrow(/--origin https:\/\/127\.0\.0\.1:1: give an http:\/\/ URL/);
  await expect(startPreview({ site: 'appman', origin: 'http://127.0.0.1:1/app' })).rejects.toThrow(/give only scheme, host and port/);
});
