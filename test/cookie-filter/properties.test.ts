import fc from 'fast-check';
import { CfMap, cookieHeader, parseCookieHeader, setCookieHeaders, values, viewerRequestEvent, viewerResponseEvent } from '../../lib/cookie-filter';
import { estateConfig } from '../../estate.config';
import { DOMAIN, siteFilters } from './support';

const RUNS = 300;
const SITES = ['main', 'appman', 'forum'] as const;

/** Names that matter: allowlisted, legacy, prototype-polluting, case variants, and arbitrary unicode. */
const name = fc.oneof(
  fc.constantFrom('csrftoken', 'sessionid', 'messages', '_t', '_forum_session', 'theme_ids', 'SessionId', 'CSRFTOKEN'),
  fc.constantFrom('_ga', '_ga_ABC', '_gid', '__utmz', '_gcl_au', '_fbp', 'hubspotutk', '_hjSession_1', 'mp_x_mixpanel', '_pk_id.1.a'),
  fc.constantFrom('__proto__', 'constructor', 'hasOwnProperty', 'toString', 'prototype'),
  fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' }),
  fc.string({ minLength: 1, maxLength: 12 }),
);
const value = fc.oneof(fc.constant(''), fc.string({ maxLength: 40, unit: 'grapheme' }), fc.string({ maxLength: 4000 }));
const ws = fc.constantFrom('', ' ', '  ', '\t', ' \t ');
const attribute = fc.oneof(
  fc.constantFrom('Path=/', 'Domain=example.org', 'Secure', 'HttpOnly', 'SameSite=None', 'SameSite=Strict', 'SameSite=lax', 'Partitioned'),
  fc.integer({ min: -10, max: 10 ** 10 }).map((n) => `Max-Age=${n}`),
  fc.date({ noInvalidDate: true }).map((d) => `Expires=${d.toUTCString()}`),
  fc.string({ maxLength: 30 }),
);

/** A `Cookie` header as a browser (or an attacker) might send it: duplicates, odd spacing, empty values. */
const cookieHeaderArb = fc
  .array(fc.tuple(ws, name, ws, value, ws), { maxLength: 60 })
  .map((pairs) => pairs.map(([a, n, b, v, c]) => `${a}${n}${b}=${v}${c}`).join(';'));

/** Set-Cookie lines from an origin. */
const setCookieArb = fc.array(
  fc.tuple(name, value, fc.array(attribute, { maxLength: 6 }), ws).map(([n, v, attrs, w]) => [`${n}=${v}`, ...attrs].join(`;${w}`)),
  { maxLength: 30 },
);

describe.each(SITES)('%s', (key) => {
  const f = siteFilters(key, DOMAIN);
  const allowed = new Set(estateConfig.sites[key]!.cookies.map((c) => c.name));

  test('viewer request: no non-allowlisted name survives, every allowlisted one does, never throws', () => {
    fc.assert(
      fc.property(cookieHeaderArb, (header) => {
        const sent = parseCookieHeader(header);
        const out = f.viewerRequest.run(viewerRequestEvent({ cookie: structuredClone(sent) })).cookies as CfMap;
        for (const n of Object.keys(out)) expect(allowed.has(n)).toBe(true);
        for (const n of Object.keys(sent)) {
          if (!allowed.has(n)) continue;
          expect(Object.prototype.hasOwnProperty.call(out, n)).toBe(true);
          expect(values(out[n])).toEqual(values(sent[n]));
        }
      }),
      { numRuns: RUNS },
    );
  });

  test('viewer response: only allowlisted cookies or expiring legacy ones, always Secure, never throws', () => {
    fc.assert(
      fc.property(cookieHeaderArb, setCookieArb, fc.boolean(), (header, setCookies, modified) => {
        const reqEvent = viewerRequestEvent({ cookie: header });
        const original = structuredClone(reqEvent.request);
        const request = f.viewerRequest.run(reqEvent);
        const res = f.viewerResponse.run(viewerResponseEvent({ request: modified ? request : original, setCookies }));
        const sentAllowed = new Set(setCookies.map((l) => l.split(';')[0].split('=')[0].trim()).filter((n) => allowed.has(n)));
        for (const n of Object.keys(res.cookies)) {
          for (const v of values(res.cookies[n])) {
            expect(v.attributes).toMatch(/(^|; )Secure(;|$)/);
            expect(v.attributes).toMatch(/(^|; )SameSite=(Lax|Strict)(;|$)/);
            expect(v.attributes).not.toMatch(/Domain=(?!example\.org$)/);
            if (!allowed.has(n)) expect(v).toEqual(expect.objectContaining({ value: '', attributes: expect.stringMatching(/^Max-Age=0; /) }));
          }
        }
        for (const n of sentAllowed) expect(Object.prototype.hasOwnProperty.call(res.cookies, n)).toBe(true);
        expect(() => setCookieHeaders(res.cookies)).not.toThrow();
      }),
      { numRuns: RUNS },
    );
  });

  test('very large headers (hundreds of cookies, values near 4 KB) are filtered whole', () => {
    const big = Array.from({ length: 400 }, (_, i) => `c${i}=${'x'.repeat(i % 7 === 0 ? 4000 : 20)}`);
    const allowedPairs = [...allowed].map((n) => `${n}=v`);
    const header = [...big, ...allowedPairs, '_ga=GA1.1.1.1'].join('; ');
    const out = f.viewerRequest.run(viewerRequestEvent({ cookie: header }));
    expect(cookieHeader(out.cookies)).toBe(allowedPairs.length ? allowedPairs.join('; ') : undefined);
  });

  test('malformed events never throw', () => {
    fc.assert(
      fc.property(fc.dictionary(name, fc.record({ value: fc.string(), attributes: fc.option(fc.string(), { nil: undefined }) })), (cookies) => {
        const req = viewerRequestEvent();
        req.request.cookies = structuredClone(cookies);
        f.viewerRequest.run(req);
        const res = viewerResponseEvent();
        res.response!.cookies = structuredClone(cookies);
        f.viewerResponse.run(res);
      }),
      { numRuns: RUNS },
    );
    const bare = viewerResponseEvent();
    delete (bare.request as any).headers;
    delete (bare.request as any).cookies;
    delete (bare.response as any).cookies;
    expect(f.viewerResponse.run(bare).cookies).toEqual({});
  });
});
