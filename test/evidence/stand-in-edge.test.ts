import { estateConfig } from '../../estate.config';
import { edgeRoundTrip } from '../../lib/cookie-filter';
import { standInSiteEdge } from '../../lib/preview/stand-in-stack';

/** The fallback for a site the estate does not deploy yet: the site behind a PrivateDistribution of its own. */
describe('stand-in distribution for a site without a stack', () => {
  const config = { ...estateConfig, domain: { name: 'estate.localhost', hostedZoneId: 'ZPREVIEW' } };
  const edge = standInSiteEdge(config, 'appman');

  test('carries the site allowlist in its origin request policy and functions', () => {
    expect(edge.originCookies).toEqual(['csrftoken', 'sessionid', 'messages']);
    const trip = edgeRoundTrip(edge.functions, {
      cookie: '_ga=1; csrftoken=a; visitor_id=x',
      setCookies: ['csrftoken=b; Domain=estate.localhost; SameSite=None', '_fbp=fb.1; Path=/'],
      host: 'appman.estate.localhost',
    });
    expect(trip.originCookie).toBe('csrftoken=a');
    expect(trip.setCookies.filter((c) => !c.startsWith('_ga='))).toEqual(['csrftoken=b; Secure; SameSite=Lax']);
  });

  test('a site missing from the config is refused with the field to set', () => {
    const { appman: _unused, ...sites } = config.sites;
    expect(() => standInSiteEdge({ ...config, sites }, 'appman')).toThrow(/no sites\.appman; configure it in estate\.config\.ts/);
  });
});
