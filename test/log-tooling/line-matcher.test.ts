import fc from 'fast-check';
import { fold, lineMatcher, percentDecode } from '../../lib/log-tooling/line-matcher';
import { cloudFrontLog } from './support/fixtures';

/**
 * Lines reach the matcher as the tools read them: the log's bytes as latin1
 * (lines.ts). `asRead` turns the text a log holds into that form.
 */
const asRead = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

/** Percent-encodes every byte of the UTF-8 text (as some clients do), hex in the given case. */
const encodeAll = (text: string, upper: boolean) =>
  [...Buffer.from(text, 'utf8')].map((b) => '%' + (upper ? b.toString(16).toUpperCase() : b.toString(16)).padStart(2, '0')).join('');

/** The ways a log holds an identifier. */
const ENCODINGS: Record<string, (id: string) => string> = {
  raw: (id) => id,
  'percent-encoded': (id) => encodeURIComponent(id),
  'percent-encoded, lower-case hex': (id) => encodeURIComponent(id).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()),
  'every byte encoded': (id) => encodeAll(id, true),
  'encoded twice': (id) => encodeURIComponent(encodeURIComponent(id)),
  'non-ASCII encoded, ASCII raw': (id) => [...id].map((c) => (c.charCodeAt(0) < 0x80 ? c : encodeURIComponent(c))).join(''),
  'ASCII encoded, non-ASCII raw': (id) => [...id].map((c) => (c.charCodeAt(0) < 0x80 ? encodeAll(c, false) : c)).join(''),
};

/**
 * Identifiers: any Unicode text a user id or email may hold, without line
 * breaks, tabs or `%`, and not starting with a combining mark (which would
 * combine with the `=` before it in the log: `=` + U+0338 is `≠`).
 */
const identifier = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 16 })
  .map((s) => s.normalize('NFC'))
  .filter((s) => s.trim() !== '' && !/[\r\n\t%\uFFFD]/.test(s) && !/^\p{M}/u.test(s) && fold(s) !== '');
const caseOf = fc.constantFrom<(s: string) => string>(
  (s) => s,
  (s) => s.toUpperCase(),
  (s) => s.toLowerCase(),
  (s) => s.normalize('NFD'),
);

/** A real CloudFront line with `value` as its query string. */
const lineWith = (value: string) => {
  const fields = cloudFrontLog(1).text.split('\n')[2].split('\t');
  fields[11] = `user=${value}&x=1`;
  return fields.join('\t');
};

describe('identifiers match in every encoding and letter case (property)', () => {
  test.each(Object.keys(ENCODINGS))('%s', (encoding) => {
    fc.assert(
      fc.property(identifier, caseOf, (id, changeCase) => {
        const logged = ENCODINGS[encoding](changeCase(id));
        expect(lineMatcher([], [id])(asRead(lineWith(logged)))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

test('every code point folds to one form whatever its letter case or decomposition (exhaustive)', () => {
  const differing: string[] = [];
  for (let cp = 0; cp < 0x110000; cp++) {
    if (cp >= 0xd800 && cp < 0xe000) continue;
    const c = String.fromCodePoint(cp);
    if (/\p{M}/u.test(c)) continue; // combines with what precedes it; see `identifier`
    const variants = [c.toLowerCase(), c.toUpperCase(), c.normalize('NFD')].filter((v) => v !== c);
    for (const variant of variants) {
      if (!fold(`=${variant}&`).includes(fold(c))) differing.push(`U+${cp.toString(16).toUpperCase()} as ${JSON.stringify(variant)}`);
    }
  }
  expect(differing).toEqual([]);
});

test.each([
  ['ẞ', 'ß'],
  ['ẞ', 'SS'],
  ['ΟΔΟΣ', 'οδος'],
  ['οδός', 'ΟΔΌΣ'],
])('%s folds as %s', (a, b) => {
  expect(fold(a)).toBe(fold(b));
});

test('an identifier not in the line does not match it, in any encoding (property)', () => {
  fc.assert(
    fc.property(identifier, identifier, fc.constantFrom(...Object.keys(ENCODINGS)), (wanted, other, encoding) => {
      const line = lineWith(ENCODINGS[encoding](other));
      fc.pre(!fold(percentDecode(percentDecode(line))).includes(fold(wanted)) && !fold(line).includes(fold(wanted)));
      expect(lineMatcher([], [wanted])(asRead(line))).toBe(false);
    }),
    { numRuns: 500 },
  );
});

test.each([
  ['josé@example.org', 'user=jos%C3%A9%40example.org', true],
  ['josé@example.org', 'user=JOSÉ@EXAMPLE.ORG', true],
  ['JOSÉ@example.org', 'user=jose\u0301@example.org', true],
  ['straße', 'q=STRASSE', true],
  ['Ωμέγα', 'q=%CE%A9%CE%BC%CE%AD%CE%B3%CE%B1', true],
  ['Ωμέγα', 'q=%25CE%25A9%25CE%25BC%25CE%25AD%25CE%25B3%25CE%25B1', true],
  ['josé@example.org', 'user=jose@example.org', false],
  ['josé@example.org', 'user=jos%C3%A8%40example.org', false],
])('%s in %s → %s', (id, query, expected) => {
  expect(lineMatcher([], [id])(asRead(lineWith(query)))).toBe(expected);
});

test('a line break in --match is refused: no log line holds one', () => {
  expect(() => lineMatcher([], ['a\nb'])).toThrow(/--match: "a\\nb" holds a line break/);
});
