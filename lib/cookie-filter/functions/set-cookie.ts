import { CookieRule } from './policy';

/**
 * Rewrites the attributes of an allowlisted Set-Cookie to what the site declares:
 * Secure always; SameSite=Lax unless the origin asked for Strict; HttpOnly where
 * declared (an origin's own HttpOnly stays); a session cookie loses Expires and
 * Max-Age; a persistent one lives at most its declared maximum. Domain is dropped,
 * so a cookie stays host-only (first-party to this site, not shared with sibling
 * subdomains). A deletion (Max-Age <= 0 or Expires in the past) stays a deletion.
 *
 * One pass over the string by index: attribute names are compared in place,
 * without copying or lower-casing them, and only a Path or an Expires value is
 * ever copied out.
 */
export function enforce(attributes: string | undefined, rule: CookieRule, now: number): string {
  let path = '';
  let extra = '';
  let strict = false;
  let httpOnly = rule.h;
  let maxAge: number | null = null;
  let expires: number | null = null;
  const s = attributes || '';
  const n = s.length;
  let start = 0;
  while (start < n) {
    let end = s.indexOf(';', start);
    if (end < 0) end = n;
    let eq = s.indexOf('=', start);
    if (eq < 0 || eq > end) eq = end;
    // Name in s[from, to), value in s[v, w), blanks around each removed (RFC 6265 5.2).
    const from = skipBlanks(s, start, eq, 1);
    const to = skipBlanks(s, eq, from, -1);
    const v = skipBlanks(s, eq + 1, end, 1);
    const w = skipBlanks(s, end, v, -1);
    const len = to - from;
    if (len === 4 && named(s, from, 'path')) {
      // Only an absolute path is a path (RFC 6265 5.2.4); anything else means the default.
      if (!path && v < w && s.charCodeAt(v) === 47) path = 'Path=' + s.slice(v, w) + '; ';
    } else if (len === 8 && named(s, from, 'samesite')) {
      strict = w - v === 6 && named(s, v, 'strict');
    } else if (len === 8 && named(s, from, 'httponly')) {
      httpOnly = true;
    } else if (len === 7 && named(s, from, 'max-age')) {
      const m = seconds(s, v, w);
      if (m === m) maxAge = m;
    } else if (len === 7 && named(s, from, 'expires')) {
      const t = Date.parse(s.slice(v, w));
      if (t === t) expires = Math.floor((t - now) / 1000);
    } else if (len === 11 && named(s, from, 'partitioned')) {
      extra = 'Partitioned; ';
    }
    // Domain, Secure and anything unknown are dropped; Secure is added back below.
    start = end + 1;
  }
  // Max-Age wins over Expires (RFC 6265 5.3 step 3).
  const lifetime = maxAge !== null ? maxAge : expires;
  let life = '';
  if (lifetime !== null && lifetime <= 0) life = 'Max-Age=0; ';
  else if (rule.m !== null && lifetime !== null) life = 'Max-Age=' + (lifetime < rule.m ? lifetime : rule.m) + '; ';
  return path + life + extra + (strict ? 'Secure; SameSite=Strict' : 'Secure; SameSite=Lax') + (httpOnly ? '; HttpOnly' : '');
}

/** Whether s holds the lower-case ASCII `word` at `at`, in any letter case. */
function named(s: string, at: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = s.charCodeAt(at + i);
    const w = word.charCodeAt(i);
    if (c !== w && (w < 97 || c + 32 !== w)) return false;
  }
  return true;
}

/** Max-Age's value (RFC 6265 5.2.2): an optional `-` and digits, else NaN (the attribute is ignored). */
function seconds(s: string, from: number, to: number): number {
  const sign = s.charCodeAt(from) === 45 ? -1 : 1;
  let i = sign < 0 ? from + 1 : from;
  let value = i < to ? 0 : NaN;
  for (; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    value = d < 0 || d > 9 ? NaN : value * 10 + d;
  }
  return sign * value;
}

/**
 * Moves `i` past blanks towards `limit`: forwards (step 1) to the first
 * non-blank char, or backwards (step -1) to just after the last one.
 */
function skipBlanks(s: string, i: number, limit: number, step: 1 | -1): number {
  const back = step < 0 ? 1 : 0;
  while ((limit - i) * step > 0 && isBlank(s.charCodeAt(i - back))) i += step;
  return i;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}
