import { defaultAppman } from '../../lib/config';
import { estateConfig } from '../../estate.config';
import { DJANGO_FORWARDED_HEADERS, djangoEnvironment, RDS_CA_BUNDLE_PATH } from '../../lib/appman/appman-django-env';
import { validateConfig } from '../../lib/config';

const base = {
  site: defaultAppman('registry.example/appman:1'),
  hostName: 'appman.example.org',
  database: { host: 'db.internal', port: '5432', name: 'appman' },
  healthCheckPath: '/health/',
};

test('the secure-proxy header Django reads is one the origin request policy forwards', () => {
  const env = djangoEnvironment(base);
  const [metaName, value] = env.DJANGO_SECURE_PROXY_SSL_HEADER.split(',');
  const forwarded = DJANGO_FORWARDED_HEADERS.map((h) => `HTTP_${h.toUpperCase().replace(/-/g, '_')}`);
  expect(forwarded).toContain(metaName);
  expect(value).toBe('https');
});

test('no secret ever lands in the plain environment', () => {
  const env = djangoEnvironment({ ...base, email: { region: 'eu-west-1', configurationSet: 'set', fromAddress: 'appman@example.org' } });
  expect(Object.keys(env).filter((k) => /PASSWORD|SECRET|TOKEN|KEY$/.test(k))).toEqual([]);
});

test('a persistent sessionid is refused, naming the field and the fix', () => {
  const site = { ...base.site, cookies: base.site.cookies.map((c) => (c.name === 'sessionid' ? { ...c, lifetime: { maxDays: 14 } } : c)) };
  expect(() => djangoEnvironment({ ...base, site })).toThrow(/sites\.appman\.cookies: 'sessionid'.*lifetime: 'session'/);
});

test.each(['csrftoken', 'sessionid', 'messages'])('an allowlist without %s is refused, naming the field', (name) => {
  const site = { ...base.site, cookies: base.site.cookies.filter((c) => c.name !== name) };
  expect(() => djangoEnvironment({ ...base, site })).toThrow(`sites.appman.cookies: no '${name}' declared`);
});

test('a session-only csrftoken becomes CSRF_COOKIE_AGE=None', () => {
  const site = { ...base.site, cookies: base.site.cookies.map((c) => (c.name === 'csrftoken' ? { ...c, lifetime: 'session' as const } : c)) };
  expect(djangoEnvironment({ ...base, site }).DJANGO_CSRF_COOKIE_AGE).toBe('None');
});

test('the database connection verifies the RDS certificate: sslmode verify-full against the bundle in the image', () => {
  const env = djangoEnvironment(base);
  expect({ mode: env.DATABASE_SSLMODE, root: env.DATABASE_SSLROOTCERT }).toEqual({ mode: 'verify-full', root: RDS_CA_BUNDLE_PATH });
});

test('SESSION_COOKIE_AGE follows sites.appman.serverSessionDays (14 when unset)', () => {
  expect(djangoEnvironment(base).DJANGO_SESSION_COOKIE_AGE).toBe(String(14 * 86400));
  expect(djangoEnvironment({ ...base, site: { ...base.site, serverSessionDays: 3 } }).DJANGO_SESSION_COOKIE_AGE).toBe(String(3 * 86400));
});

test('no cookie domain is ever passed: Django sets host-only cookies', () => {
  expect(Object.keys(djangoEnvironment(base)).filter((k) => k.includes('DOMAIN'))).toEqual([]);
});

test.each([0, 31, 1.5])('serverSessionDays %p is refused, naming the field and the bound', (days) => {
  const config = { ...estateConfig, sites: { ...estateConfig.sites, appman: { ...estateConfig.sites.appman!, serverSessionDays: days } } };
  expect(() => validateConfig(config)).toThrow(/sites\.appman\.serverSessionDays: .*from 1 to 30/);
});
