import { estateConfig } from '../../estate.config';
import { buildDisclosure, privacyPage, renderMarkdown } from '../../lib/disclosure';

const disclosure = buildDisclosure(estateConfig);

describe('disclosure generated from the estate config', () => {
  test('lists every site with its cookies, data, region and retention', () => {
    const main = disclosure.sites.find((s) => s.key === 'main')!;
    expect(main.cookies).toEqual([]);
    expect(main.region).toBe(estateConfig.region);
    expect(main.logRetentionDays).toBe(estateConfig.logRetentionDays);
    expect(main.backupRetentionDays).toBe(estateConfig.backupRetentionDays);
    const appman = disclosure.sites.find((s) => s.key === 'appman')!;
    expect(appman.cookies.map((c) => c.name)).toEqual(['csrftoken', 'sessionid', 'messages']);
    expect(appman.cookies[0]).toMatchObject({ lifetime: { maxDays: 365 }, httpOnly: false, when: 'on every form page' });
    expect(appman.dataStored).toContain('Email address (login id)');
    expect(disclosure.processors.map((p) => p.name)).toEqual(['Shopify']);
  });

  test('Markdown states cookies with purpose and lifetime, region, log days and processors', () => {
    const md = renderMarkdown(disclosure);
    expect(md).toContain('## Main site');
    expect(md).toContain('This site sets no cookies.');
    expect(md).toContain('| `csrftoken` | Protects forms against cross-site request forgery. | up to 365 days | on every form page | yes |');
    expect(md).toContain('| `sessionid` | Keeps you logged in. | session (deleted when the browser closes) | after login | no |');
    expect(md).toContain(`Hosted in AWS ${estateConfig.region} (Ireland).`);
    expect(md).toContain(`deleted after at most ${estateConfig.logRetentionDays} days`);
    expect(md).toContain('**Shopify**');
    expect(md).toContain('https://www.shopify.com/legal/privacy');
  });

  test('Appman discloses how long login sessions live on the server, from sites.appman.serverSessionDays', () => {
    expect(disclosure.sites.find((s) => s.key === 'appman')!.serverSessionDays).toBe(14);
    expect(disclosure.sites.find((s) => s.key === 'main')!.serverSessionDays).toBeUndefined();
    expect(renderMarkdown(disclosure)).toContain('- Login sessions are deleted from our server at most 15 days after they were last updated (they expire after 14 days');
    const week = { ...estateConfig, sites: { ...estateConfig.sites, appman: { ...estateConfig.sites.appman!, serverSessionDays: 7 } } };
    expect(privacyPage(week)).toContain('<li>Login sessions are deleted from our server at most 8 days after they were last updated (they expire after 7 days');
  });

  test('the privacy page is a complete document with no inline script or style (self-only CSP)', () => {
    const html = privacyPage(estateConfig);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<link rel="stylesheet" href="/style.css">');
    expect(html).not.toMatch(/<script|<style|\sstyle=|\son\w+=/i);
    expect(html).toContain('<td><code>csrftoken</code></td>');
    expect(html).toContain('Hosted in AWS eu-west-1 (Ireland).');
  });

  test('config text is escaped, never markup', () => {
    const config = {
      ...estateConfig,
      sites: { main: { ...estateConfig.sites.main, description: '<script>alert(1)</script> & "x"' } },
    };
    const html = privacyPage(config);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;');
    expect(html).not.toContain('<script>');
  });

  test('with a custom domain each site names its host, processors their full host', () => {
    const d = buildDisclosure({ ...estateConfig, domain: { name: 'example.org', hostedZoneId: 'Z0123456789ABCDEFGHIJ' } });
    expect(d.sites.map((s) => s.host)).toEqual(['example.org', 'appman.example.org', 'forum.example.org']);
    expect(d.processors[0].host).toBe('shop.example.org');
  });
});
