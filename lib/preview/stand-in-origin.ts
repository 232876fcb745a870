import { SiteConfig } from '../config';
import { Origin } from './origin';

/** Pages of the stand-in app; every page links to all of them, so a crawl reaches each. */
export const STAND_IN_PAGES = ['/', '/login/', '/account/'];

/**
 * A stand-in for an app origin (Django, Discourse) that misbehaves on purpose,
 * so the cookie filter is exercised end to end: it sets every cookie the site
 * declares with weak attributes (no Secure, SameSite=None, a ten-year lifetime,
 * a Domain shared with sibling sites), and rogue cookies — analytics (_ga,
 * _fbp), an undeclared first-party id, and a cookie for another domain. Each
 * page shows the Cookie header the origin received.
 */
export function standInOrigin(site: Pick<SiteConfig, 'title' | 'cookies'>, parentDomain: string): Origin {
  const weak = `Path=/; Max-Age=${10 * 365 * 86400}; SameSite=None; Domain=${parentDomain}`;
  const setCookies = [
    ...site.cookies.map((c) => `${c.name}=stand-in-${c.name}; ${weak}`),
    `_ga=GA1.2.111.222; ${weak}`,
    `_fbp=fb.1.333.444; ${weak}`,
    `visitor_id=rogue; ${weak}`,
    'other_domain=rogue; Path=/; Domain=other.example; Max-Age=86400',
  ];
  return async ({ uri, cookie }) => {
    const path = uri.split('?')[0];
    if (!STAND_IN_PAGES.includes(path)) {
      return { status: 404, headers: new Map([['content-type', ['text/plain']]]), body: Buffer.from('not found') };
    }
    const links = STAND_IN_PAGES.map((p) => `<a href="${p}">${p}</a>`).join(' · ');
    const body = [
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>' + escapeHtml(site.title) + ' (stand-in)</title></head>',
      `<body><nav>${links}</nav><h1>${escapeHtml(site.title)} stand-in: ${escapeHtml(path)}</h1>`,
      '<form method="post" action="/login/"><input name="email"></form>',
      `<p>Cookie header received by the origin:</p><pre id="origin-cookie">${escapeHtml(cookie ?? '')}</pre></body></html>`,
    ].join('\n');
    return {
      status: 200,
      headers: new Map([
        ['content-type', ['text/html; charset=utf-8']],
        ['set-cookie', setCookies],
      ]),
      body: Buffer.from(body),
    };
  };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
