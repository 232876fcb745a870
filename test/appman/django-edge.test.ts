import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { CHROMIUM_ARGS, launchChromium, requireChromium } from '../../lib/evidence';
import { Preview, previewConfig, startPreview, synthesizeOnce } from '../../lib/preview';
import { RunningDjango, startDjango, taskEnvironment, TEST_USER } from './django/real-django';

/*
 * Debian's Django 3.2 (the fixture in test/fixtures/appman-django, configured only
 * from the synthesized task definition's environment) behind the local HTTPS edge
 * running the synthesized Appman functions and policies: what a visitor's browser
 * sees is what CloudFront in front of the real app would give it.
 */
jest.setTimeout(120_000);
const DAY = 86400;
const UNDECLARED = ['_ga', 'visitor_id', 'django_language'];

let django: RunningDjango;
let preview: Preview;
let browser: Browser;

beforeAll(async () => {
  const { assembly } = synthesizeOnce(previewConfig());
  django = await startDjango(taskEnvironment(assembly));
  preview = await startPreview({ site: 'appman', origin: django.url });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  await django?.close();
});

async function newContext(): Promise<BrowserContext> {
  // The edge's certificate is made at start and self-signed.
  return browser.newContext({ ignoreHTTPSErrors: true });
}

interface SeenResponse {
  readonly path: string;
  readonly status: number;
  /** Names of the cookies in the Set-Cookie lines the browser received. */
  readonly names: string[];
}

/** Records every response's Set-Cookie names; `settled()` waits until all are read. */
function recordSetCookies(page: Page): { settled(): Promise<SeenResponse[]> } {
  const pending: Promise<SeenResponse>[] = [];
  page.on('response', (r) => {
    pending.push(
      r.headersArray().then((headers) => ({
        path: new URL(r.url()).pathname,
        status: r.status(),
        names: headers.filter((h) => h.name.toLowerCase() === 'set-cookie').map((h) => h.value.split('=')[0].trim()),
      })),
    );
  });
  return { settled: () => Promise.all(pending) };
}

async function logIn(page: Page): Promise<void> {
  await page.goto(`${preview.url}accounts/login/`);
  await page.fill('input[name=username]', TEST_USER.username);
  await page.fill('input[name=password]', TEST_USER.password);
  const [response] = await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  expect({ status: response?.status(), path: new URL(page.url()).pathname }).toEqual({ status: 200, path: '/notes/' });
}

test('the edge serves HTTPS and Django sees the request as secure (CloudFront-Forwarded-Proto)', async () => {
  expect(preview.url.startsWith('https://appman.')).toBe(true);
  const context = await newContext();
  const page = await context.newPage();
  await page.goto(preview.url);
  expect(await page.textContent('#secure')).toBe('True');
  await context.close();
});

test('an anonymous visit sets no cookie', async () => {
  const context = await newContext();
  const page = await context.newPage();
  const response = await page.goto(preview.url);
  expect(response?.status()).toBe(200);
  expect(await page.textContent('#user')).toBe('anonymous');
  expect(await context.cookies()).toEqual([]);
  await context.close();
});

test('the login form sets csrftoken: Secure, SameSite=Lax, readable by scripts, at most its declared 365 days', async () => {
  const context = await newContext();
  const page = await context.newPage();
  await page.goto(`${preview.url}accounts/login/`);
  const cookies = await context.cookies();
  expect(cookies.map((c) => c.name)).toEqual(['csrftoken']);
  const [c] = cookies;
  expect({ secure: c.secure, sameSite: c.sameSite, httpOnly: c.httpOnly, domain: c.domain }).toEqual({
    secure: true,
    sameSite: 'Lax',
    httpOnly: false,
    domain: preview.host,
  });
  expect(c.expires).toBeLessThanOrEqual(Date.now() / 1000 + 365 * DAY + 60);
  await context.close();
});

test('the login POST succeeds (CSRF Referer check passes) and sets sessionid: session-only, HttpOnly, Secure, Lax', async () => {
  const context = await newContext();
  const page = await context.newPage();
  await logIn(page);
  expect(await page.textContent('#user')).toBe(TEST_USER.username);
  const session = (await context.cookies()).find((c) => c.name === 'sessionid');
  expect(session && { expires: session.expires, httpOnly: session.httpOnly, secure: session.secure, sameSite: session.sameSite }).toEqual({
    expires: -1,
    httpOnly: true,
    secure: true,
    sameSite: 'Lax',
  });
  await context.close();
});

test('a message sets the messages cookie on the redirect and the next page clears it', async () => {
  const context = await newContext();
  const page = await context.newPage();
  await logIn(page);
  const recorder = recordSetCookies(page);
  await page.fill('input[name=text]', 'hello');
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  expect(await page.textContent('#messages')).toBe('Saved: hello');
  const seen = await recorder.settled();
  expect(seen.find((s) => s.status === 302)?.names).toContain('messages');
  expect(seen.find((s) => s.status === 200 && s.path === '/notes/')?.names).toContain('messages');
  expect((await context.cookies()).map((c) => c.name)).not.toContain('messages');
  await context.close();
});

test('a fetch POST with X-CSRFToken succeeds', async () => {
  const context = await newContext();
  const page = await context.newPage();
  await logIn(page);
  const result = await page.evaluate(async () => {
    const token = document.cookie.split('; ').find((c) => c.startsWith('csrftoken='))!.slice('csrftoken='.length);
    const r = await fetch('/api/echo/', {
      method: 'POST',
      headers: { 'X-CSRFToken': token, 'Content-Type': 'application/json' },
      body: JSON.stringify({ appliance: 'A-1' }),
    });
    return { status: r.status, body: await r.text() };
  });
  expect(result.status).toBe(200);
  expect(JSON.parse(result.body)).toEqual({ ok: true, user: TEST_USER.username, echo: { appliance: 'A-1' } });
  await context.close();
});

test.each([
  ['a 200 page', 'tracking/', 200],
  ['a 404 page', 'no-such-page/', 404],
])('undeclared cookies set by %s never reach the browser; a declared one is capped', async (_label, pagePath, status) => {
  const context = await newContext();
  const page = await context.newPage();
  const recorder = recordSetCookies(page);
  const response = await page.goto(`${preview.url}${pagePath}`);
  expect(response?.status()).toBe(status);
  // An error keeps its status and carries the static error page instead of Django's body.
  if (status >= 400) expect(await page.textContent('#edge-error')).toBe('Something went wrong');
  const received = (await recorder.settled()).find((s) => s.path === `/${pagePath}`)!.names;
  for (const name of UNDECLARED) expect({ name, received: received.includes(name) }).toEqual({ name, received: false });
  const cookies = await context.cookies();
  expect(cookies.filter((c) => UNDECLARED.includes(c.name))).toEqual([]);
  for (const c of cookies) {
    expect(c.name).toBe('csrftoken');
    expect({ secure: c.secure, sameSite: c.sameSite, domain: c.domain }).toEqual({ secure: true, sameSite: 'Lax', domain: preview.host });
    expect(c.expires).toBeLessThanOrEqual(Date.now() / 1000 + 365 * DAY + 60);
  }
  await context.close();
});

test('after a browser restart only csrftoken remains', async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'appman-profile-'));
  const launch = () =>
    chromium.launchPersistentContext(profile, { executablePath: requireChromium(), args: CHROMIUM_ARGS, ignoreHTTPSErrors: true });
  let context: BrowserContext | undefined;
  try {
    context = await launch();
    await logIn(context.pages()[0] ?? (await context.newPage()));
    expect((await context.cookies()).map((c) => c.name).sort()).toEqual(['csrftoken', 'sessionid']);
    await context.close();
    context = await launch();
    expect((await context.cookies()).map((c) => c.name)).toEqual(['csrftoken']);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${preview.url}notes/`);
    expect(new URL(page.url()).pathname).toBe('/accounts/login/');
  } finally {
    await context?.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
});

test("the scheduled command, Django's clearsessions, deletes expired session rows", async () => {
  const context = await newContext();
  await logIn(await context.newPage());
  await context.close();
  const count = () => django.manage('shell', '-c', 'from django.contrib.sessions.models import Session; print(Session.objects.count())');
  expect(Number((await count()).trim())).toBeGreaterThan(0);
  // SESSION_COOKIE_AGE from the task environment sets each row's expiry; age every row past it.
  await django.manage('shell', '-c', 'from datetime import timedelta; from django.utils import timezone; from django.contrib.sessions.models import Session; Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))');
  await django.manage('clearsessions');
  expect(Number((await count()).trim())).toBe(0);
});
