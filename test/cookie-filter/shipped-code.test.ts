import { MAX_FUNCTION_BYTES, unsupportedSyntax } from '../../lib/cookie-filter';
import { COOKIE_FILTER_CODE_MARKER } from '../../lib/privacy/markers';
import { DOMAIN, siteFilters } from './support';

/**
 * Size targets: 3 KB a function; the forum's response function bakes in its
 * allowlist (12 Discourse cookies, a third of the bytes, against 3 for Appman)
 * and gets 3,400 bytes. All a third of CloudFront's limit; the targets keep
 * growth visible (BENCHMARKS.md, "Cookie filter").
 */
const TARGET_BYTES = 3072;
const FORUM_RESPONSE_TARGET_BYTES = 3400;
const shipped = (['main', 'appman', 'forum'] as const).flatMap((key) => {
  const pair = siteFilters(key, DOMAIN);
  return [
    [pair.viewerRequest.name, pair.viewerRequest.code, TARGET_BYTES] as const,
    [pair.viewerResponse.name, pair.viewerResponse.code, key === 'forum' ? FORUM_RESPONSE_TARGET_BYTES : TARGET_BYTES] as const,
  ];
});

describe.each(shipped)('%s', (_name, code, targetBytes) => {
  test('uses only syntax the cloudfront-js-2.0 runtime supports', () => {
    expect(unsupportedSyntax(code)).toEqual([]);
  });

  test(`is at most ${targetBytes} bytes (CloudFront allows ${MAX_FUNCTION_BYTES})`, () => {
    expect(Buffer.byteLength(code, 'utf8')).toBeLessThanOrEqual(targetBytes);
  });

  test('starts with the rule pack marker and never logs', () => {
    expect(code.startsWith(COOKIE_FILTER_CODE_MARKER)).toBe(true);
    expect(code).not.toMatch(/\bconsole\b/);
  });

  test('defines a top-level handler and needs no module', () => {
    expect(code).toMatch(/\nfunction handler\(event\)\{/);
    expect(code).not.toMatch(/\brequire\s*\(/);
  });
});

describe('the syntax check rejects what the runtime lacks', () => {
  test.each([
    ['class A {}', 'ClassDeclaration'],
    ['for (const x of []) {}', 'ForOfStatement'],
    ['var {a} = {};', 'ObjectPattern'],
    ['f(...xs);', 'SpreadElement'],
    ['a?.b;', 'ChainExpression'],
    ['a ?? b;', 'operator ??'],
    ['function* g() {}', 'generator function'],
    ['var o = {a};', 'shorthand property'],
    ['/x/s;', 'regex flag /s'],
    ['/(?<=a)b/;', 'regex lookbehind or named group'],
    ['function f(a = 1) {}', 'AssignmentPattern'],
  ])('%s', (src, what) => {
    expect(unsupportedSyntax(src).join()).toContain(what);
  });

  test('and accepts the documented ES6+ syntax', () => {
    expect(unsupportedSyntax('const a = 1; let b = (x, ...r) => `${x}${r.length}` + 2 ** 3; async function f() { await a; }')).toEqual([]);
  });
});
