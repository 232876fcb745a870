import fc from 'fast-check';
import { canonicalIp, replaceIps, scrubIps, truncateIp } from '../../lambda/log-anonymizer/ip';

describe('truncateIp', () => {
  test.each([
    ['192.0.2.123', '192.0.2.0'],
    ['10.1.2.255', '10.1.2.0'],
    ['2001:db8:abcd:12:34:56:78:9a', '2001:db8:abcd::'],
    ['2001:DB8:ABCD::1', '2001:db8:abcd::'],
    ['2001:db8::1', '2001:db8::'],
    ['::1', '::'],
    ['fe80::1%eth0', 'fe80::'],
    ['::ffff:192.0.2.77', '::ffff:192.0.2.0'],
    ['2001:db8:1:2::10.0.0.1', '2001:db8:1::'],
  ])('%s → %s', (input, expected) => {
    expect(truncateIp(input)).toBe(expected);
  });

  test.each(['-', '', 'example.org', '256.1.1.1', '1.2.3', '12:34:56', '2001:db8:::1'])('%j is not an address', (input) => {
    expect(truncateIp(input)).toBeUndefined();
  });

  test('IPv4: keeps exactly the first three octets, and truncating twice equals once', () => {
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        const t = truncateIp(ip)!;
        expect(t.split('.').slice(0, 3)).toEqual(ip.split('.').slice(0, 3));
        expect(t.endsWith('.0')).toBe(true);
        expect(truncateIp(t)).toBe(t);
      }),
    );
  });

  test('IPv6: keeps exactly the first 48 bits, zeroes the other 80', () => {
    fc.assert(
      fc.property(fc.ipV6(), (ip) => {
        const t = truncateIp(ip)!;
        const full = (a: string) => BigInt('0x' + expand(a));
        const original = full(ip);
        if ((original >> 32n) === 0xffffn && original >> 48n === 0n) return; // IPv4-mapped: covered above
        expect(full(t)).toBe((original >> 80n) << 80n);
        expect(truncateIp(t)).toBe(t);
      }),
    );
  });
});

describe('canonicalIp', () => {
  test('notations of one address compare equal', () => {
    expect(canonicalIp('2001:DB8:0:0:0:0:0:1')).toBe(canonicalIp('2001:db8::1'));
    expect(canonicalIp('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(canonicalIp('2001:db8:0:0:1:0:0:1')).toBe('2001:db8::1:0:0:1');
  });
});

describe('scrubIps (free text)', () => {
  test('truncates every address, with or without port, and leaves other text alone', () => {
    expect(scrubIps('from 198.51.100.7:443 via [2001:db8:1:2::3]:8080 at 12:34:56 v1.2.3')).toBe(
      'from 198.51.100.0:443 via [2001:db8:1::]:8080 at 12:34:56 v1.2.3',
    );
  });

  test('percent escapes separate addresses (CloudFront x-forwarded-for)', () => {
    expect(scrubIps('203.0.113.9,%2099.1.2.3,%202001:db8:5:6::7')).toBe('203.0.113.0,%2099.1.2.0,%202001:db8:5::');
  });

  test('replaceIps reports each address once to the callback', () => {
    const seen: string[] = [];
    replaceIps('a 192.0.2.1 b 2001:db8::9:1234 c', (a) => {
      seen.push(a);
      return undefined;
    });
    expect(seen).toEqual(['2001:db8::9:1234', '192.0.2.1']);
  });
});

/** 32 hex digits of an IPv6 address (test helper, independent of the code under test). */
function expand(address: string): string {
  let text = address;
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number);
    text = text.slice(0, v4.index) + ((a << 8) | b).toString(16) + ':' + ((c << 8) | d).toString(16);
  }
  const [left, right] = text.includes('::') ? text.split('::') : [text, undefined];
  const l = left ? left.split(':') : [];
  const r = right ? right.split(':') : [];
  const groups = right === undefined ? l : [...l, ...Array(8 - l.length - r.length).fill('0'), ...r];
  return groups.map((g) => g.padStart(4, '0')).join('');
}
