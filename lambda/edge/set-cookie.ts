import { CookieRule } from './policy';

/**
 * Rewrites the attributes of an allowlisted Set-Cookie to what the site declares:
 * Secure always; SameSite=Lax unless the origin asked for Strict; HttpOnly where
 * declared (an origin's own HttpOnly stays); a session cookie loses Expires and
 * Max-Age; a persistent one lives at most its declared maximum. Domain is dropped,
 * so a cookie stays host-only (first-party to this site, not shared with sibling
 * subdomains). A deletion (Max-Age <= 0 or Expires in the past) stays a deletion.
 */
export function enforce(attributes: string | undefined, rule: CookieRule, now: number): string {
  let path = '';
  let extra = '';
  let strict = false;
  let httpOnly = rule.h;
  let maxAge: number | null = null;
  let expires: number | null = null;
  const parts = attributes ? attributes.split(';') : [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const eq = part.indexOf('=');
    const key = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    const val = eq < 0 ? '' : part.slice(eq + 1).trim();
    if (key === 'path') {
      // Only an absolute path is a path (RFC 6265 5.2.4); anything else means the default.
      if (!path && val.charAt(0) === '/' && val.indexOf(';') < 0) path = '; Path=' + val;
    } else if (key === 'samesite') {
      strict = val.toLowerCase() === 'strict';
    } else if (key === 'httponly') {
      httpOnly = true;
    } else if (key === 'max-age') {
      const n = parseInt(val, 10);
      if (n === n) maxAge = n;
    } else if (key === 'expires') {
      const t = Date.parse(val);
      if (t === t) expires = Math.floor((t - now) / 1000);
    } else if (key === 'partitioned') {
      extra += '; Partitioned';
    }
    // Domain, Secure and anything unknown are dropped; Secure is added back below.
  }
  // Max-Age wins over Expires (RFC 6265 5.3 step 3).
  const lifetime = maxAge !== null ? maxAge : expires;
  let life = '';
  if (lifetime !== null && lifetime <= 0) life = '; Max-Age=0';
  else if (rule.m !== null && lifetime !== null) life = '; Max-Age=' + (lifetime < rule.m ? lifetime : rule.m);
  return (path + life + extra + '; Secure; SameSite=' + (strict ? 'Strict' : 'Lax') + (httpOnly ? '; HttpOnly' : '')).slice(2);
}
