import { CookieRule } from './policy';

/**
 * Rewrites the attributes of an allowlisted Set-Cookie to what the site declares:
 * Secure always; SameSite=Lax unless the origin asked for Strict; HttpOnly where
 * declared (an origin's own HttpOnly stays); a session cookie loses Expires and
 * Max-Age; a persistent one lives at most its declared maximum. Domain is dropped,
 * so a cookie stays host-only (first-party to this site, not shared with sibling
 * subdomains). A deletion (Max-Age <= 0 or Expires in the past) stays a deletion.
 *
 * One pass over the string by index: this runs for every allowlisted cookie of
 * every response, so it allocates only the values it keeps.
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
    if (eq > end) eq = -1;
    const key = lowerKey(s, start, eq < 0 ? end : eq);
    const val = eq < 0 ? '' : s.slice(eq + 1, end).trim();
    if (key === 'path') {
      // Only an absolute path is a path (RFC 6265 5.2.4); anything else means the default.
      if (!path && val.charAt(0) === '/') path = '; Path=' + val;
    } else if (key === 'samesite') {
      strict = val.toLowerCase() === 'strict';
    } else if (key === 'httponly') {
      httpOnly = true;
    } else if (key === 'max-age') {
      const m = parseInt(val, 10);
      if (m === m) maxAge = m;
    } else if (key === 'expires') {
      const t = Date.parse(val);
      if (t === t) expires = Math.floor((t - now) / 1000);
    } else if (key === 'partitioned') {
      extra += '; Partitioned';
    }
    // Domain, Secure and anything unknown are dropped; Secure is added back below.
    start = end + 1;
  }
  // Max-Age wins over Expires (RFC 6265 5.3 step 3).
  const lifetime = maxAge !== null ? maxAge : expires;
  let life = '';
  if (lifetime !== null && lifetime <= 0) life = '; Max-Age=0';
  else if (rule.m !== null && lifetime !== null) life = '; Max-Age=' + (lifetime < rule.m ? lifetime : rule.m);
  const out = path + life + extra + '; Secure; SameSite=' + (strict ? 'Strict' : 'Lax') + (httpOnly ? '; HttpOnly' : '');
  return out.slice(2);
}

/** Longest attribute name the edge acts on ("partitioned"): longer names are dropped unread. */
const LONGEST_KEY = 11;

/** The lower-cased attribute name in s[from, to) without surrounding blanks; '' if longer than any the edge acts on. */
function lowerKey(s: string, from: number, to: number): string {
  while (from < to && isBlank(s.charCodeAt(from))) from++;
  while (to > from && isBlank(s.charCodeAt(to - 1))) to--;
  return to - from > LONGEST_KEY ? '' : s.slice(from, to).toLowerCase();
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}
