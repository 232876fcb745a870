import { canonicalIp, replaceIps } from '../../lambda/log-anonymizer/ip';

/**
 * "This line is about the person": a client address (compared canonically) or
 * an identifier such as an email, found in any of the ways a log holds it:
 * raw UTF-8 bytes, percent-encoded (query strings, CloudFront's encoded fields),
 * percent-encoded twice (CloudFront encodes an already encoded query), or partly
 * encoded (`jos%C3%A9@example.org`), with hex digits in either case, and in any
 * letter case, non-ASCII included (`JOSÉ` is `josé`, `STRASSE` is `straße`).
 *
 * Lines arrive as latin1 strings (one char per byte, see lines.ts). Each line is
 * decoded as UTF-8, then percent-decoded up to twice, and every view is folded
 * (NFC, then lower-, upper- and lower-cased, which maps ẞ/ß/SS to one form, and
 * final ς to σ) before the folded identifier is searched in it. Folding bytes instead (latin1
 * lower-casing) would change UTF-8 lead bytes and never match a non-ASCII name.
 */

/**
 * The canonical caseless form of a text. Lower-casing first matters: capital
 * ẞ upper-cases to itself and lower-cases to ß, which upper-cases to SS; and
 * JavaScript lower-cases Σ to ς or σ by context, so ς is mapped to σ.
 */
export function fold(text: string): string {
  return text.normalize('NFC').toLowerCase().toUpperCase().toLowerCase().replace(/ς/g, 'σ').normalize('NFC');
}

const PERCENT_RUN = /(?:%[0-9a-fA-F]{2})+/g;

/** Decodes every run of %XX escapes as UTF-8 bytes; text that is not an escape stays as it is. */
export function percentDecode(text: string): string {
  return text.replace(PERCENT_RUN, (run) => Buffer.from(run.replace(/%/g, ''), 'hex').toString('utf8'));
}

const NON_ASCII_BYTE = /[\x80-\xff]/;

/** The line as text, and as that text percent-decoded once and twice, each folded. */
function views(latin1Line: string): string[] {
  const text = NON_ASCII_BYTE.test(latin1Line) ? Buffer.from(latin1Line, 'latin1').toString('utf8') : latin1Line;
  if (!text.includes('%')) return [fold(text)];
  const once = percentDecode(text);
  return [fold(text), fold(once), fold(once.includes('%') ? percentDecode(once) : once)];
}

export function lineMatcher(ips: readonly string[], matches: readonly string[]): (line: string) => boolean {
  const wanted = new Set(
    ips.map((ip) => {
      const canonical = canonicalIp(ip);
      if (!canonical) throw new Error(`--ip: ${JSON.stringify(ip)} is not an IPv4 or IPv6 address`);
      return canonical;
    }),
  );
  const needles = [
    ...new Set(
      matches.map((m) => {
        if (m.trim() === '') throw new Error('--match: an empty string would match every line; give an email or user id');
        if (/[\r\n]/.test(m)) throw new Error(`--match: ${JSON.stringify(m)} holds a line break; a log line never does`);
        return fold(m);
      }),
    ),
  ];
  return (line) => {
    if (needles.length > 0) {
      const folded = views(line);
      if (needles.some((n) => folded.some((v) => v.includes(n)))) return true;
    }
    if (wanted.size === 0) return false;
    let hit = false;
    replaceIps(line, (address) => {
      if (wanted.has(canonicalIp(address) ?? '')) hit = true;
      return undefined;
    });
    return hit;
  };
}
