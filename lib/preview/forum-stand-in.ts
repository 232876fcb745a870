import { randomBytes } from 'crypto';
import { NGINX_PROTO_TO } from '../forum/app-yml';
import { Origin, OriginResponse } from './origin';

/**
 * A stand-in for Discourse behind its nginx, as strict as Discourse where the edge
 * matters. Each behaviour names the Discourse source it models (discourse/discourse
 * unless said otherwise):
 *
 * - Scheme: nginx tells Rails the scheme from the header app.yml makes its map read
 *   (lib/forum/app-yml.ts; config/nginx.sample.conf `map ... $thescheme`,
 *   `proxy_set_header X-Forwarded-Proto $thescheme`). Without `https` there, Rails
 *   believes the request is plain HTTP.
 * - Secure cookies: DISCOURSE_FORCE_HTTPS makes `_t` and `_forum_session` Secure
 *   (lib/auth/default_current_user_provider.rb, config/initializers session store);
 *   Rails does not write a Secure cookie on a request it believes is HTTP
 *   (actionpack ActionDispatch::Cookies `write_cookie?`). The CSRF token then is
 *   never stored and every POST fails with "BAD CSRF"
 *   (app/controllers/application_controller.rb `handle_unverified_request`).
 * - `GET /session/csrf` returns the token and stores it in the session
 *   (app/controllers/session_controller.rb `csrf`); `POST /session` logs in and
 *   sets `_t` for `maximum_session_age` hours (default 1440: 60 days).
 * - Uploads: `POST /uploads/lookup-urls` and `/uploads/lookup-metadata` answer a
 *   logged-in member with a valid CSRF token (config/routes.rb,
 *   app/controllers/uploads_controller.rb).
 * - Anonymous reading sets no cookie.
 * - CSP: a fresh nonce per response with 'strict-dynamic'
 *   (lib/content_security_policy/default.rb); the splash script is inline and
 *   nonce'd, the app script is loaded by it (app/views/layouts/application.html.erb).
 * - Script cookies: set by the page's JavaScript, never by Set-Cookie, with
 *   Discourse's lifetimes (FORUM_SCRIPT_COOKIE_DAYS).
 */

/** Days Discourse's JavaScript asks for, per cookie it sets itself. */
export const FORUM_SCRIPT_COOKIE_DAYS: Readonly<Record<string, number>> = {
  // app/assets/javascripts/discourse/app/lib/theme-selector.js: cookie("theme_ids", ..., { expires: 9999 })
  theme_ids: 9999,
  // user interface preferences: text_size { expires: 9999 }, color_scheme_id / dark_scheme_id { expires: 365 }
  text_size: 9999,
  color_scheme_id: 365,
  dark_scheme_id: 365,
  // app/assets/javascripts/discourse/app/services/interface-color.js: forced_color_mode { expires: 365 }
  forced_color_mode: 365,
};

/** `_t` lifetime: SiteSetting.maximum_session_age default 1440 hours. */
const AUTH_TOKEN_SECONDS = 1440 * 3600;
/** nginx's `$http_<name>` variable names the request header its map reads. */
const SCHEME_HEADER = NGINX_PROTO_TO.replace(/^\$http_/, '').replace(/_/g, '-');

export const FORUM_STAND_IN_PATHS = ['/', '/latest', '/t/welcome/1'];

interface Session {
  csrf?: string;
}

export function forumStandIn(): Origin {
  const sessions = new Map<string, Session>();
  const members = new Set<string>();

  return async (req) => {
    const cookies = parseCookies(req.cookie);
    const https = req.headers?.[SCHEME_HEADER] === 'https';
    const sessionId = cookies._forum_session && sessions.has(cookies._forum_session) ? cookies._forum_session : undefined;
    const loggedIn = cookies._t !== undefined && members.has(cookies._t);
    const setCookies: string[] = [];
    // Rails drops a Secure cookie on a request it believes is HTTP (write_cookie?).
    const secureCookie = (value: string) => {
      if (https) setCookies.push(`${value}; path=/; secure; HttpOnly; SameSite=Lax`);
    };
    const session = (): Session => {
      if (sessionId) return sessions.get(sessionId)!;
      const id = randomBytes(16).toString('hex');
      sessions.set(id, {});
      secureCookie(`_forum_session=${id}`);
      return sessions.get(id)!;
    };
    const csrfValid = () => !!sessionId && !!sessions.get(sessionId)!.csrf && req.headers?.['x-csrf-token'] === sessions.get(sessionId)!.csrf;
    const path = req.uri.split('?')[0];

    if (req.method === 'GET' && path === '/session/csrf') {
      const s = session();
      s.csrf ??= randomBytes(24).toString('base64');
      return json(200, { csrf: s.csrf }, setCookies);
    }
    if (req.method === 'POST' && path === '/session') {
      if (!csrfValid()) return json(403, ['BAD CSRF'], setCookies);
      const token = randomBytes(16).toString('hex');
      members.add(token);
      secureCookie(`_t=${token}; max-age=${AUTH_TOKEN_SECONDS}`);
      return json(200, { user: { username: 'member' } }, setCookies);
    }
    if (req.method === 'POST' && (path === '/uploads/lookup-urls' || path === '/uploads/lookup-metadata')) {
      if (!csrfValid()) return json(403, ['BAD CSRF'], setCookies);
      if (!loggedIn) return json(403, { error_type: 'not_logged_in' }, setCookies);
      return json(200, path.endsWith('urls') ? [{ short_url: 'upload://a.png', url: '/uploads/default/original/1X/a.png' }] : { width: 1, height: 1 }, setCookies);
    }
    if (req.method === 'GET' && path === '/assets/forum-stand-in.js') {
      return { status: 200, headers: new Map([['content-type', ['text/javascript; charset=utf-8']]]), body: Buffer.from(APP_SCRIPT) };
    }
    if (req.method === 'GET' && FORUM_STAND_IN_PATHS.includes(path)) return page(path);
    return { status: 404, headers: new Map([['content-type', ['text/plain']]]), body: Buffer.from('not found') };
  };
}

function page(path: string): OriginResponse {
  const nonce = randomBytes(16).toString('base64');
  const csp = [`script-src 'nonce-${nonce}' 'strict-dynamic'`, "worker-src 'self' blob:", "object-src 'none'", "base-uri 'self'", "manifest-src 'self'"].join('; ');
  const links = FORUM_STAND_IN_PATHS.map((p) => `<a href="${p}">${p}</a>`).join(' · ');
  const body = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Forum (Discourse stand-in)</title>',
    // The splash script is inline and nonce'd; it loads the app, which 'strict-dynamic' trusts.
    `<script nonce="${nonce}">document.documentElement.dataset.splash = 'shown'; const s = document.createElement('script'); s.src = '/assets/forum-stand-in.js'; document.head.appendChild(s);</script>`,
    `</head><body><nav>${links}</nav><h1>Forum stand-in: ${path}</h1>`,
    '<button id="login">Log in</button> <button id="lookup">Look up uploads</button> <button id="preferences">Save interface preferences</button> <button id="dark">Dark mode</button>',
    '<pre id="result"></pre></body></html>',
  ].join('\n');
  return {
    status: 200,
    headers: new Map([
      ['content-type', ['text/html; charset=utf-8']],
      ['content-security-policy', [csp]],
    ]),
    body: Buffer.from(body),
  };
}

/** The app script: what Discourse's JavaScript does for each button, and nothing on load. */
const APP_SCRIPT = `
const result = (v) => { document.getElementById('result').textContent = JSON.stringify(v); };
const cookie = (name, value, days) => { document.cookie = name + '=' + value + '; path=/; expires=' + new Date(Date.now() + days * 864e5).toUTCString(); };
async function csrf() { return (await (await fetch('/session/csrf', { headers: { 'X-Requested-With': 'XMLHttpRequest' } })).json()).csrf; }
async function post(url, token) {
  const r = await fetch(url, { method: 'POST', headers: { 'X-CSRF-Token': token, 'X-Requested-With': 'XMLHttpRequest', 'Content-Type': 'application/json' }, body: '{}' });
  return { status: r.status, body: await r.json() };
}
document.getElementById('login').onclick = async () => result(await post('/session', await csrf()));
document.getElementById('lookup').onclick = async () => result(await post('/uploads/lookup-urls', await csrf()));
document.getElementById('preferences').onclick = () => {
  const days = ${JSON.stringify(FORUM_SCRIPT_COOKIE_DAYS)};
  cookie('theme_ids', '2|1', days.theme_ids); cookie('text_size', 'larger|1', days.text_size);
  cookie('color_scheme_id', '3', days.color_scheme_id); cookie('dark_scheme_id', '4', days.dark_scheme_id);
  result('saved');
};
document.getElementById('dark').onclick = () => { cookie('forced_color_mode', 'dark', ${FORUM_SCRIPT_COOKIE_DAYS.forced_color_mode}); result('dark'); };
document.documentElement.dataset.app = 'ready';
`;

function json(status: number, value: unknown, setCookies: string[]): OriginResponse {
  const headers = new Map<string, string[]>([['content-type', ['application/json; charset=utf-8']]]);
  if (setCookies.length) headers.set('set-cookie', setCookies);
  return { status, headers, body: Buffer.from(JSON.stringify(value)) };
}

function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out;
}
