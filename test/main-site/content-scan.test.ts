import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { estateConfig } from '../../estate.config';
import { EstateConfig } from '../../lib/config';
import { ContentFinding, ContentScanError, scanContent } from '../../lib/main-site/content-scan';
import { buildEstate } from '../setup/estate';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** A content folder holding the given files. */
function content(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'estate-scan-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function scanPage(html: string, name = 'page.html'): ContentFinding[] {
  return scanContent(content({ [name]: html }));
}

const page = (head: string, body = '<p>Hello</p>') => `<!DOCTYPE html>\n<html>\n<head>\n${head}\n</head>\n<body>\n${body}\n</body>\n</html>\n`;

describe('content scan: one finding type per small page', () => {
  test.each([
    ['script', '<script src="https://cdn.example.com/lib.js"></script>', 'cdn.example.com'],
    ['stylesheet', '<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Inter">', 'fonts.googleapis.com'],
    ['preconnect', '<link rel="preconnect" href="https://fonts.gstatic.com" crossorigin>', 'fonts.gstatic.com'],
    ['protocol-relative image', '<img src="//images.example.net/a.png" alt="">', 'images.example.net'],
    ['srcset', '<img src="/a.png" srcset="/a2.png 2x, https://img.example.org/a3.png 3x" alt="">', 'img.example.org'],
    ['iframe', '<iframe src="https://www.youtube.com/embed/x"></iframe>', 'www.youtube.com'],
    ['font in a style element', '<style>@font-face { src: url("https://fonts.gstatic.com/s/inter.woff2"); }</style>', 'fonts.gstatic.com'],
    ['image in a style attribute', '<div style="background: url(https://img.example.org/bg.png)"></div>', 'img.example.org'],
  ])('third-party resource: %s', (_name, html, host) => {
    const findings = scanPage(page('<title>t</title>', html)).filter((f) => f.kind !== 'inline-style');
    expect(findings).toEqual([expect.objectContaining({ file: 'page.html', line: 7, kind: 'third-party-resource' })]);
    expect(findings[0].message).toContain(host);
    expect(findings[0].fix).toMatch(/copy the file into the content folder/);
  });

  test('links a visitor follows, same-site paths, data: images and the own host are not findings', () => {
    const html = page('<link rel="stylesheet" href="/style.css"><link rel="canonical" href="https://other.example/">', '<a href="https://other.example/">x</a><img src="data:image/png;base64,AAAA" alt=""><img src="https://example.org/a.png" alt="">');
    expect(scanContent(content({ 'page.html': html }), { ownHosts: ['example.org'] })).toEqual([]);
  });

  test('a tracking host is named with its entity from third-party-web', () => {
    const [finding] = scanPage(page('<script async src="https://static.hotjar.com/c/hotjar-1.js"></script>')).filter((f) => f.kind === 'third-party-resource');
    expect(finding.message).toMatch(/tracking host: static\.hotjar\.com \(Hotjar\)/);
  });

  test('inline script, with the line of its tag; JSON-LD data blocks and empty scripts are not', () => {
    const findings = scanPage(page('<script type="application/ld+json">{"@type": "Organization"}</script>\n<script src="/a.js"></script>', '<script>\n  document.body.className = "js";\n</script>'));
    expect(findings).toEqual([expect.objectContaining({ kind: 'inline-script', line: 8 })]);
    expect(findings[0].fix).toMatch(/move the code into a \.js file/);
  });

  test('a redirect page (meta refresh + inline script) is told to become a redirect', () => {
    const html = '<html><head><noscript><meta http-equiv="refresh" content="0; url=/new/" /></noscript><script>window.location.replace("/new/")</script></head></html>';
    const [finding] = scanPage(html, 'old/index.html');
    expect(finding).toMatchObject({ file: 'old/index.html', line: 1, kind: 'inline-script' });
    expect(finding.fix).toContain('/new/');
    expect(finding.fix).toContain('_redirects');
  });

  test('a page served only through a redirect is not scanned', () => {
    const html = '<html><head><script>window.location.replace("/new/")</script></head></html>';
    expect(scanContent(content({ 'old/index.html': html }), { redirected: ['/old/'] })).toEqual([]);
  });

  test('inline style element; empty ones are not', () => {
    const findings = scanPage(page('<style></style>', '<style>\n  h1 { color: red }\n</style>'));
    expect(findings).toEqual([expect.objectContaining({ kind: 'inline-style', line: 7 })]);
    expect(findings[0].fix).toMatch(/\.css file/);
  });

  test('event-handler attributes, also with entity-encoded or odd spacing', () => {
    const findings = scanPage(page('', '<button onclick="go()">Go</button>\n<img src="/a.png" alt=""\n  onerror = "x()">'));
    expect(findings.map((f) => [f.kind, f.line])).toEqual([
      ['event-handler', 7],
      ['event-handler', 8],
    ]);
    expect(findings[0].fix).toMatch(/addEventListener/);
  });

  test('javascript: URLs, even entity-encoded', () => {
    const findings = scanPage(page('', '<a href="javascript:void(0)">a</a>\n<a href="&#106;avascript&colon;alert(1)">b</a>'));
    expect(findings.map((f) => [f.kind, f.line])).toEqual([
      ['javascript-url', 7],
      ['javascript-url', 8],
    ]);
  });

  test.each([
    ['gtag', "<script>\n window.dataLayer = window.dataLayer || [];\n function gtag(){dataLayer.push(arguments);}\n gtag('js', new Date());\n</script>", 'Google Analytics (gtag.js)'],
    ['GA measurement id', "<script src=\"/analytics.js\" data-id=\"G-ABC123XYZ9\"></script>", 'Google Analytics measurement id'],
    ['GTM noscript iframe', '<noscript><iframe src="/ns.html?id=GTM-AB12CD"></iframe></noscript>', 'Google Tag Manager'],
    ['Matomo', "<script>\n var _paq = window._paq = [];\n _paq.push(['trackPageView']);\n</script>", 'Matomo/Piwik'],
    ['Plausible', '<script defer data-domain="example.org" src="/js/plausible.io/js/script.js"></script>', 'Plausible'],
    ['Clarity', '<script>\n(function(c,l,a,r,i,t,y){ c[a]=c[a]||function(){}; })(window, document, "clarity", "script", "abc");\n</script>', 'Microsoft Clarity'],
    ['Facebook pixel', "<script>\n fbq('init', '123456');\n</script>", 'Facebook pixel'],
  ])('analytics snippet: %s', (_name, html, service) => {
    const analytics = scanPage(page('<title>t</title>', html)).filter((f) => f.kind === 'analytics');
    expect(analytics.map((f) => f.message.split(' snippet')[0])).toContain(service);
    expect(analytics[0].line).toBeGreaterThanOrEqual(7);
    expect(analytics[0].fix).toMatch(/^remove the /);
  });

  test('a self-hosted tracker script file is found too', () => {
    const findings = scanContent(content({ 'js/site.js': "var x = 1;\n_paq.push(['trackPageView']);\n" }));
    expect(findings).toEqual([expect.objectContaining({ file: 'js/site.js', line: 2, kind: 'analytics' })]);
  });

  test('commented-out code is not a finding', () => {
    expect(scanPage(page('<!-- <script src="https://www.googletagmanager.com/gtag/js?id=G-ABC123XYZ9"></script> -->'))).toEqual([]);
  });
});

describe('the counter-example fails synth naming file and line', () => {
  // A page as the counter-example policy's site would have it: Google Analytics, an inline script, Google Fonts.
  const counterExample = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<title>Shop</title>',
    '<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Roboto&display=swap">',
    '<script async src="https://www.googletagmanager.com/gtag/js?id=G-ABCDEF1234"></script>',
    '<script>',
    '  window.dataLayer = window.dataLayer || [];',
    '  function gtag(){dataLayer.push(arguments);}',
    "  gtag('js', new Date());",
    "  gtag('config', 'G-ABCDEF1234');",
    '</script>',
    '</head>',
    '<body><p>Welcome</p></body>',
    '</html>',
    '',
  ].join('\n');

  function configWith(contentDir: string, extra: Partial<EstateConfig['sites']['main']> = {}): EstateConfig {
    return { ...estateConfig, sites: { ...estateConfig.sites, main: { ...estateConfig.sites.main, contentDir, ...extra } } };
  }

  test('ContentScanError lists each finding as file:line with its fix', () => {
    const dir = content({ 'index.html': counterExample, '404.html': page('<title>404</title>') });
    let error: unknown;
    try {
      buildEstate(configWith(dir));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContentScanError);
    const { findings, message } = error as ContentScanError;
    const at = findings.map((f) => `${f.file}:${f.line} ${f.kind}`);
    expect(at).toEqual(
      expect.arrayContaining([
        'index.html:6 third-party-resource',
        'index.html:7 third-party-resource',
        'index.html:8 inline-script',
        'index.html:11 analytics',
      ]),
    );
    expect(message).toContain('index.html:6 [third-party-resource]');
    expect(message).toContain('fonts.googleapis.com');
    expect(message).toContain('index.html:8 [inline-script]');
    expect(message).toContain('www.googletagmanager.com (Google Tag Manager)');
    expect(message).toContain('sites.main.contentScanAcknowledgments');
  });

  test('an acknowledgment with a reason accepts one file; a stale one is an error', () => {
    const dir = content({ 'index.html': page('<title>ok</title>'), 'legacy/old.html': counterExample });
    const reason = 'Archived copy of the old shop page, kept for the record; never linked and removed next release.';
    expect(() => buildEstate(configWith(dir, { contentScanAcknowledgments: [{ file: 'legacy/old.html', reason }] }))).not.toThrow();
    expect(() => buildEstate(configWith(dir, { contentScanAcknowledgments: [{ file: 'legacy/old.html', reason }, { file: 'index.html', reason }] }))).toThrow(
      /contentScanAcknowledgments: index\.html has no content-scan finding; remove the acknowledgment/,
    );
  });
});
