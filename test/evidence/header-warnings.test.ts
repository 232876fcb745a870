import { headerProblemOf } from '../../lib/evidence/header-warnings';

describe("Chromium's console reports of a header it could not apply", () => {
  test.each([
    ["Error with Permissions-Policy header: Unrecognized feature: 'run-ad-auction'.", 'Permissions-Policy', 'run-ad-auction', "Unrecognized feature: 'run-ad-auction'."],
    ["Error with Permissions-Policy header: Origin trial controlled feature not enabled: 'browsing-topics'.", 'Permissions-Policy', 'browsing-topics', "Origin trial controlled feature not enabled: 'browsing-topics'."],
    ["Error with Document-Policy header: Unrecognized document policy feature name x.", 'Document-Policy', '', 'Unrecognized document policy feature name x.'],
    ["Unrecognized Content-Security-Policy directive 'script-src-foo'.", 'Content-Security-Policy', 'script-src-foo', "Unrecognized Content-Security-Policy directive 'script-src-foo'."],
  ])('%s', (text, header, feature, message) => {
    expect(headerProblemOf(text)).toEqual({ header, feature, message });
  });

  test('other console lines are not header problems', () => {
    expect(headerProblemOf('Failed to load resource: the server responded with a status of 404 (Not Found)')).toBeUndefined();
    expect(headerProblemOf("Refused to load the script 'https://t.example/t.js' because it violates the following Content Security Policy directive")).toBeUndefined();
  });
});
