import bcd from '@mdn/browser-compat-data';
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AD_TECH_APIS_RETIRED, AD_TECH_OPT_OUTS, PERMISSIONS_POLICY, permissionsPolicyFeatures } from '../../lib/constructs/permissions-policy';
import { buildEstate } from '../setup/estate';

/**
 * The Permissions-Policy header against MDN's browser-compat-data: which features
 * browsers recognize is read from the dataset, never from a list kept here. Only
 * Chromium-family browsers implement the header (the dataset records Firefox and
 * Safari as not supporting it), and Chromium logs a console error for every feature
 * it does not recognize, so a feature must be supported by Chrome without a flag and
 * not removed.
 */
const features = bcd.http.headers['Permissions-Policy'];

function chromeStatus(feature: string): string {
  const compat = (features as Record<string, { __compat?: { support: { chrome: unknown } } }>)[feature]?.__compat;
  if (!compat || feature === '__compat') return 'unknown to the dataset';
  const support = [compat.support.chrome].flat() as { version_added: string | boolean | null; version_removed?: string; flags?: unknown[] }[];
  const current = support.find((s) => typeof s.version_added === 'string' && !s.version_removed && !s.flags);
  if (current) return 'recognized';
  const removed = support.find((s) => s.version_removed);
  return removed ? `removed in Chrome ${removed.version_removed}` : 'not supported without a flag';
}

/** Every Permissions-Policy value any response headers policy of the estate sends. */
function shippedHeaderValues(): string[] {
  const { estate } = buildEstate();
  const stacks = Object.values(estate).filter((s): s is Stack => s instanceof Stack);
  return stacks.flatMap((stack) =>
    Object.values(Template.fromStack(stack).findResources('AWS::CloudFront::ResponseHeadersPolicy')).flatMap((policy) =>
      (policy.Properties.ResponseHeadersPolicyConfig.CustomHeadersConfig?.Items ?? [])
        .filter((h: { Header: string }) => h.Header.toLowerCase() === 'permissions-policy')
        .map((h: { Value: string }) => h.Value),
    ),
  );
}

describe('Permissions-Policy names only features current browsers recognize (MDN browser-compat-data)', () => {
  test('the dataset records the header and its features', () => {
    expect(bcd.__meta.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(chromeStatus('camera')).toBe('recognized');
  });

  test('every site of the estate sends the one header, and every feature in it is recognized', () => {
    const values = shippedHeaderValues();
    expect(values.length).toBeGreaterThanOrEqual(3);
    expect(new Set(values)).toEqual(new Set([PERMISSIONS_POLICY]));
    const status = permissionsPolicyFeatures(PERMISSIONS_POLICY).map((f) => [f, chromeStatus(f)]);
    expect(status.filter(([, s]) => s !== 'recognized')).toEqual([]);
  });

  test('it opts out of every interest-based advertising API that browsers still ship', () => {
    const shipped = [...AD_TECH_OPT_OUTS, ...AD_TECH_APIS_RETIRED].filter((f) => chromeStatus(f) === 'recognized');
    expect(shipped.filter((f) => !permissionsPolicyFeatures(PERMISSIONS_POLICY).includes(f))).toEqual([]);
    // The Topics API still ships, and the pack requires the opt-out (Privacy-CloudFrontResponseHeaders).
    expect(permissionsPolicyFeatures(PERMISSIONS_POLICY)).toContain('browsing-topics');
  });

  test('the check can fail: the features Chromium stopped recognizing are reported with why', () => {
    expect(chromeStatus('attribution-reporting')).toBe('removed in Chrome 152');
    expect(chromeStatus('join-ad-interest-group')).toBe('unknown to the dataset');
    expect(chromeStatus('ambient-light-sensor')).toBe('not supported without a flag');
  });
});
