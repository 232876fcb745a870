import { isIPv4, isIPv6 } from 'net';

/**
 * IP address parsing and truncation. Truncation keeps the network a visitor
 * came from (IPv4 /24, IPv6 /48) and drops the part that names one device.
 * Truncating twice gives the same result as truncating once, so re-running the
 * anonymizer on its own output changes nothing.
 */

/** The eight 16-bit groups of an IPv6 address, or undefined if `text` is not one. */
export function ipv6Groups(text: string): number[] | undefined {
  const bare = text.split('%')[0]; // drop a zone id such as %eth0
  if (!isIPv6(bare)) return undefined;
  let head = bare;
  const tail: number[] = [];
  // An embedded IPv4 tail (::ffff:192.0.2.1) supplies the last two groups.
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(head);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number);
    tail.push((a << 8) | b, (c << 8) | d);
    head = head.slice(0, v4.index);
    if (head.endsWith(':') && !head.endsWith('::')) head = head.slice(0, -1);
  }
  const parse = (part: string): number[] => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const gap = head.indexOf('::');
  let groups: number[];
  if (gap >= 0) {
    const left = parse(head.slice(0, gap));
    const right = parse(head.slice(gap + 2)).concat(tail);
    groups = left.concat(new Array(8 - left.length - right.length).fill(0), right);
  } else {
    groups = parse(head).concat(tail);
  }
  return groups;
}

/** RFC 5952 text of eight groups: lower case, longest run of two or more zero groups as `::`. */
export function formatIpv6(groups: readonly number[]): string {
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

/** IPv4 /24 or IPv6 /48 of `text`; undefined if `text` is not an IP address. */
export function truncateIp(text: string): string | undefined {
  if (isIPv4(text)) return text.slice(0, text.lastIndexOf('.')) + '.0';
  const groups = ipv6Groups(text);
  if (!groups) return undefined;
  // IPv4-mapped addresses (::ffff:a.b.c.d) carry an IPv4 client: truncate that to /24.
  if (isV4Mapped(groups)) {
    return `::ffff:${groups[6] >> 8}.${groups[6] & 0xff}.${groups[7] >> 8}.0`;
  }
  return formatIpv6([groups[0], groups[1], groups[2], 0, 0, 0, 0, 0]);
}

/**
 * One canonical text per address, so `2001:DB8::1` and `2001:db8:0:0:0:0:0:1` compare equal
 * and `::ffff:192.0.2.1` equals `192.0.2.1`.
 */
export function canonicalIp(text: string): string | undefined {
  if (isIPv4(text)) return text;
  const groups = ipv6Groups(text);
  if (!groups) return undefined;
  if (isV4Mapped(groups)) return `${groups[6] >> 8}.${groups[6] & 0xff}.${groups[7] >> 8}.${groups[7] & 0xff}`;
  return formatIpv6(groups);
}

/** `::ffff:a.b.c.d`: an IPv4 client seen through an IPv6 socket. */
function isV4Mapped(groups: readonly number[]): boolean {
  return groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
}

const IPV4_TOKEN = /(?<![\d.])\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?![\d]|\.\d)/g;
// Runs of hex digits, colons and dots with at least two colons: every IPv6 address
// (with or without an IPv4 tail or a trailing :port) is one such run.
const IPV6_CANDIDATE = /[0-9A-Fa-f.]*:[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*/g;

const PERCENT_ESCAPE = /(%[0-9A-Fa-f]{2})/;

/**
 * Every IP address in free text, replaced by `replace(address)` (addresses it declines stay).
 * Percent escapes separate tokens: CloudFront writes `a,%20b` in x-forwarded-for, and
 * "%20" must not be read as the first digits of the address after it.
 */
export function replaceIps(text: string, replace: (address: string) => string | undefined): string {
  if (text.indexOf('%') < 0) return replacePlain(text, replace);
  return text
    .split(PERCENT_ESCAPE)
    .map((part, i) => (i % 2 === 1 ? part : replacePlain(part, replace)))
    .join('');
}

function replacePlain(text: string, replace: (address: string) => string | undefined): string {
  let out = text;
  if (out.indexOf(':') >= 0) {
    out = out.replace(IPV6_CANDIDATE, (run) => {
      if (ipv6Groups(run)) return replace(run) ?? run;
      // "address:port" as load balancers write it.
      const cut = run.lastIndexOf(':');
      const address = run.slice(0, cut);
      if (/^\d+$/.test(run.slice(cut + 1)) && ipv6Groups(address)) return (replace(address) ?? address) + run.slice(cut);
      return run;
    });
  }
  return out.replace(IPV4_TOKEN, (address) => (isIPv4(address) ? (replace(address) ?? address) : address));
}

/** Free text with every IP address truncated: the fallback for lines whose layout is not recognised. */
export function scrubIps(text: string): string {
  return replaceIps(text, truncateIp);
}
