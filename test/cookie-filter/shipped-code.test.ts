import { MAX_FUNCTION_BYTES, unsupportedSyntax } from '../../lib/cookie-filter';
import { COOKIE_FILTER_CODE_MARKER } from '../../lib/privacy/markers';
import { DOMAIN, siteFilters } from './support';

// The forum's response function bakes in its allowlist (12 Discourse cookies, two of them long names) and
// is the largest: 3100 bytes. Well under CloudFront's limit; the budget keeps growth visible.
const TARGET_BYTES = 3200;
const shipped = (['main', 'appman', 'forum'] as const).flatMap((key) => {
  const pair = siteFilters(key, DOMAIN);
  return [pair.viewerRequest, pair.viewerResponse].map((f) => [f.name, f.code] as const);
});

describe.each(shipped)('%s', (_name, code) => {
  test('uses only syntax the cloudfront-js-2.0 runtime supports', () => {
    expect(unsupportedSyntax(code)).toEqual([]);
  });

  test(`is at most ${TARGET_BYTES} bytes (CloudFront allows ${MAX_FUNCTION_BYTES})`, () => {
    expect(Buffer.byteLength(code, 'utf8')).toBeLessThanOrEqual(TARGET_BYTES);
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
