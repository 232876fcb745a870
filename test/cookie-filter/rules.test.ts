import { edgeRoundTrip, legacyAnalyticsCookies, PURGE_HEADER_NAME, viewerRequestEvent, viewerResponseEvent } from '../../lib/cookie-filter';
import { DOMAIN, siteFilters } from './support';

const EXPIRED = 'Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; Secure; SameSite=Lax';
const DAY = 86400;

/** The Set-Cookie values the browser receives for one name. */
function setCookiesFor(lines: string[], name: string): string[] {
  return lines.filter((l) => l.startsWith(`${name}=`));
}

describe('main site (no cookies)', () => {
  const onDomain = siteFilters('main', DOMAIN);
  const onCloudFront = siteFilters('main');

  test('viewer request removes every cookie', () => {
    const r = edgeRoundTrip(onDomain, { cookie: 'a=1; sessionid=x; csrftoken=y; _ga=GA1.1.1.1' });
    expect(r.request.cookies).toEqual({});
    expect(r.originCookie).toBeUndefined();
  });

  test('viewer response removes every Set-Cookie the origin sends', () => {
    const r = edgeRoundTrip(onDomain, { setCookies: ['sessionid=1; Path=/', 'tracker=2', 'csrftoken=3; Secure'] });
    expect(r.setCookies).toEqual([]);
  });

  test('legacy analytics cookies are expired for the host and the registrable domain', () => {
    const r = edgeRoundTrip(onDomain, { cookie: '_ga=GA1.2.3.4; _gid=GA1.2.5; other=1' });
    expect(setCookiesFor(r.setCookies, '_ga')).toEqual([`_ga=; ${EXPIRED}`, `_ga=; ${EXPIRED}; Domain=${DOMAIN}`]);
    expect(setCookiesFor(r.setCookies, '_gid')).toEqual([`_gid=; ${EXPIRED}`, `_gid=; ${EXPIRED}; Domain=${DOMAIN}`]);
    expect(setCookiesFor(r.setCookies, 'other')).toEqual([]);
  });

  test('on *.cloudfront.net (a public suffix) only the host cookie is expired', () => {
    const r = edgeRoundTrip(onCloudFront, { cookie: '_ga=GA1.2.3.4' });
    expect(r.setCookies).toEqual([`_ga=; ${EXPIRED}`]);
  });

  test('the purge works whichever request the viewer-response event carries', () => {
    for (const responseSees of ['modified', 'original'] as const) {
      const r = edgeRoundTrip(onDomain, { cookie: '__utma=1; _hjSessionUser_123=x', responseSees });
      expect(r.setCookies.map((l) => l.split('=')[0]).sort()).toEqual(['__utma', '__utma', '_hjSessionUser_123', '_hjSessionUser_123']);
    }
  });

  test('no legacy cookie, no purge', () => {
    expect(edgeRoundTrip(onDomain, { cookie: 'a=1' }).setCookies).toEqual([]);
    expect(edgeRoundTrip(onDomain, {}).setCookies).toEqual([]);
  });

  test('a header forged by the viewer is dropped on viewer request and cannot name non-legacy cookies', () => {
    const req = onDomain.viewerRequest.run(viewerRequestEvent({ cookie: 'a=1', headers: { [PURGE_HEADER_NAME]: '_ga,sessionid' } }));
    expect(req.headers[PURGE_HEADER_NAME]).toBeUndefined();
    const res = onDomain.viewerResponse.run(
      viewerResponseEvent({ request: viewerRequestEvent({ headers: { [PURGE_HEADER_NAME]: 'sessionid,a,_ga' } }).request }),
    );
    expect(Object.keys(res.cookies)).toEqual(['_ga']);
  });

  test('at most 25 legacy cookies are purged per response; the rest go on the next one', () => {
    const cookie = Array.from({ length: 40 }, (_, i) => `_ga_P${i}=1`).join('; ');
    const r = edgeRoundTrip(onDomain, { cookie });
    expect(r.setCookies).toHaveLength(50);
  });

  test('never Clear-Site-Data', () => {
    const r = edgeRoundTrip(onDomain, { cookie: '_ga=1' });
    expect(Object.keys(r.response.headers)).not.toContain('clear-site-data');
  });
});

describe('appman (csrftoken persistent, sessionid and messages session-only)', () => {
  const f = siteFilters('appman', DOMAIN);
  const out = (...setCookies: string[]) => edgeRoundTrip(f, { setCookies }).setCookies;

  test('viewer request keeps exactly the allowlisted cookies', () => {
    const r = edgeRoundTrip(f, { cookie: 'csrftoken=t; sessionid=s; messages=m; _ga=1; theme=dark; Sessionid=x' });
    expect(r.originCookie).toBe('csrftoken=t; sessionid=s; messages=m');
  });

  test('Set-Cookie for a name not on the allowlist is removed', () => {
    expect(out('tracker=1; Path=/', 'csrftoken=a; Path=/')).toEqual(['csrftoken=a; Path=/; Secure; SameSite=Lax']);
  });

  test('Secure always; SameSite=Lax unless the origin set Strict', () => {
    expect(out('csrftoken=a; SameSite=None')).toEqual(['csrftoken=a; Secure; SameSite=Lax']);
    expect(out('csrftoken=a')).toEqual(['csrftoken=a; Secure; SameSite=Lax']);
    expect(out('csrftoken=a; samesite=strict; secure')).toEqual(['csrftoken=a; Secure; SameSite=Strict']);
  });

  test('HttpOnly where declared, and never taken away', () => {
    expect(out('sessionid=s')).toEqual(['sessionid=s; Secure; SameSite=Lax; HttpOnly']);
    expect(out('csrftoken=a')).toEqual(['csrftoken=a; Secure; SameSite=Lax']);
    expect(out('csrftoken=a; HttpOnly')).toEqual(['csrftoken=a; Secure; SameSite=Lax; HttpOnly']);
  });

  test('a session-only cookie loses Expires and Max-Age', () => {
    expect(out('sessionid=s; expires=Wed, 21 Oct 2099 07:28:00 GMT; Max-Age=1209600; Path=/')).toEqual([
      'sessionid=s; Path=/; Secure; SameSite=Lax; HttpOnly',
    ]);
    expect(out('messages=m; Max-Age=60')).toEqual(['messages=m; Secure; SameSite=Lax; HttpOnly']);
  });

  test('a persistent cookie is capped at its declared maximum (365 days)', () => {
    expect(out('csrftoken=a; Max-Age=99999999')).toEqual([`csrftoken=a; Max-Age=${365 * DAY}; Secure; SameSite=Lax`]);
    expect(out('csrftoken=a; expires=Fri, 01 Jan 2100 00:00:00 GMT')).toEqual([`csrftoken=a; Max-Age=${365 * DAY}; Secure; SameSite=Lax`]);
    expect(out('csrftoken=a; Max-Age=3600')).toEqual(['csrftoken=a; Max-Age=3600; Secure; SameSite=Lax']);
  });

  test('Max-Age wins over Expires', () => {
    expect(out('csrftoken=a; Max-Age=60; Expires=Fri, 01 Jan 2100 00:00:00 GMT')).toEqual(['csrftoken=a; Max-Age=60; Secure; SameSite=Lax']);
  });

  test('a deletion (logout) stays a deletion, session-only or not', () => {
    expect(out('sessionid=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/')).toEqual([
      'sessionid=""; Path=/; Max-Age=0; Secure; SameSite=Lax; HttpOnly',
    ]);
    expect(out('csrftoken=; Expires=Thu, 01 Jan 1970 00:00:00 GMT')).toEqual(['csrftoken=; Max-Age=0; Secure; SameSite=Lax']);
  });

  test('attribute names in any letter case, blanks around names and values ignored (RFC 6265 5.2)', () => {
    expect(out('csrftoken=a;PATH = /app ;  MAX-AGE = 60\t; SAMESITE= Strict ;httponly')).toEqual([
      'csrftoken=a; Path=/app; Max-Age=60; Secure; SameSite=Strict; HttpOnly',
    ]);
    expect(out('csrftoken=a; Pathx=/x; Max-Ages=5; SameSites=Strict; HttpOnlyx')).toEqual(['csrftoken=a; Secure; SameSite=Lax']);
    expect(out('csrftoken=a; Path')).toEqual(['csrftoken=a; Secure; SameSite=Lax']);
    expect(out('csrftoken=a; Path;/x')).toEqual(['csrftoken=a; Secure; SameSite=Lax']);
  });

  test('a Max-Age that is not an optional "-" and digits is ignored, as browsers ignore it (RFC 6265 5.2.2)', () => {
    for (const bad of ['12abc', '+60', '1e3', '', '-', '6 0']) {
      expect(out(`csrftoken=a; Max-Age=${bad}`)).toEqual(['csrftoken=a; Secure; SameSite=Lax']);
      // Expires then decides, as in the browser.
      expect(out(`csrftoken=a; Max-Age=${bad}; Expires=Thu, 01 Jan 1970 00:00:00 GMT`)).toEqual(['csrftoken=a; Max-Age=0; Secure; SameSite=Lax']);
    }
    expect(out('csrftoken=a; Max-Age=-1')).toEqual(['csrftoken=a; Max-Age=0; Secure; SameSite=Lax']);
    expect(out('csrftoken=a; Max-Age=007')).toEqual(['csrftoken=a; Max-Age=7; Secure; SameSite=Lax']);
  });

  test('Domain is dropped: cookies stay host-only', () => {
    expect(out(`csrftoken=a; Domain=.${DOMAIN}; Path=/`)).toEqual(['csrftoken=a; Path=/; Secure; SameSite=Lax']);
  });

  test('a name set twice keeps both values, both rewritten', () => {
    expect(out('csrftoken=a; Path=/', 'csrftoken=b; Path=/app; SameSite=None')).toEqual([
      'csrftoken=a; Path=/; Secure; SameSite=Lax',
      'csrftoken=b; Path=/app; Secure; SameSite=Lax',
    ]);
  });

  test('legacy cookies are purged next to the app cookies; app cookies are never purged', () => {
    const r = edgeRoundTrip(f, { cookie: 'sessionid=s; _ga=1; _fbp=2', setCookies: ['sessionid=s2'] });
    expect(r.originCookie).toBe('sessionid=s');
    expect(r.setCookies.map((l) => l.split('=')[0]).sort()).toEqual(['_fbp', '_fbp', '_ga', '_ga', 'sessionid']);
  });
});

describe('forum (Discourse cookies after login only)', () => {
  const f = siteFilters('forum', DOMAIN);

  test('an anonymous visit carries and receives no cookie', () => {
    const r = edgeRoundTrip(f, {});
    expect(r.originCookie).toBeUndefined();
    expect(r.setCookies).toEqual([]);
  });

  test('_t is persistent up to 60 days, HttpOnly; _forum_session is session-only', () => {
    const r = edgeRoundTrip(f, {
      cookie: '_t=tok; _forum_session=s; _ga=1; __cf_bm=x',
      setCookies: ['_t=tok; path=/; expires=Fri, 01 Jan 2100 00:00:00 GMT; HttpOnly; SameSite=Lax', '_forum_session=s; path=/; HttpOnly; Max-Age=600'],
    });
    expect(r.originCookie).toBe('_t=tok; _forum_session=s');
    expect(setCookiesFor(r.setCookies, '_t')).toEqual([`_t=tok; Path=/; Max-Age=${60 * DAY}; Secure; SameSite=Lax; HttpOnly`]);
    expect(setCookiesFor(r.setCookies, '_forum_session')).toEqual(['_forum_session=s; Path=/; Secure; SameSite=Lax; HttpOnly']);
    expect(setCookiesFor(r.setCookies, '_ga')).toHaveLength(2);
    expect(setCookiesFor(r.setCookies, '__cf_bm')).toEqual([]);
  });
});

describe('legacy analytics list', () => {
  const f = siteFilters('main', DOMAIN);
  const list = legacyAnalyticsCookies();
  const samples = [...list.exact, ...list.prefixes.map((p) => `${p}XYZ123`)];

  test.each(samples)('%s is expired on host and parent domain', (name) => {
    const r = edgeRoundTrip(f, { cookie: `${name}=1` });
    expect(r.setCookies).toEqual([`${name}=; ${EXPIRED}`, `${name}=; ${EXPIRED}; Domain=${DOMAIN}`]);
  });

  test('no declared cookie of any site is on the legacy list', () => {
    const { estateConfig } = require('../../estate.config');
    const declared: string[] = Object.values<any>(estateConfig.sites).flatMap((s) => s.cookies.map((c: any) => c.name));
    for (const name of declared) {
      expect({ name, legacy: list.exact.includes(name) || list.prefixes.some((p) => name.startsWith(p)) }).toEqual({ name, legacy: false });
    }
  });
});
