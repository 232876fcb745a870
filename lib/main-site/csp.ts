import type { CspDirectives } from '../constructs/security-headers';

/**
 * The main site's default Content-Security-Policy: what pages built by static
 * generators (Sphinx, Hugo and their themes) need, measured on the fixtures in
 * test/fixtures/, and nothing that lets a script run unless it is a file of the
 * site itself. Each directive's reason:
 */
export function staticSiteCsp(): CspDirectives {
  return {
    // Anything not named below: the site's own files only.
    'default-src': ["'self'"],
    // Same-origin script files only: no inline script, no event-handler attribute, no eval,
    // no third-party host. The content scan reports what this blocks, before deployment.
    'script-src': ["'self'"],
    // Stylesheets and <style> elements from the site's own files only.
    'style-src': ["'self'"],
    // style="..." attributes: Sphinx writes them for table and figure widths, its search page and
    // themes for colours and padding, Hugo shortcodes for per-page values. An attribute cannot run
    // script, and any url() in it is still held to img-src / font-src.
    'style-src-attr': ["'unsafe-inline'"],
    // data: images are inline SVG icons in stylesheets (Bootstrap's menu button); they load nothing.
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    // Sphinx's search loads its index with a same-origin request.
    'connect-src': ["'self'"],
    // No plugins (Flash, PDF embeds through <object>/<embed>).
    'object-src': ["'none'"],
    // An injected <base href> cannot point relative links and scripts at another host.
    'base-uri': ["'self'"],
    // Forms (the docs search box) submit to the site only.
    'form-action': ["'self'"],
    // No other site may frame these pages (clickjacking); X-Frame-Options says the same for old browsers.
    'frame-ancestors': ["'none'"],
    // A stray http:// link to the site's own files loads over HTTPS.
    'upgrade-insecure-requests': [],
  };
}
