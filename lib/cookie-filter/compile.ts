import * as path from 'path';
import { buildSync } from 'esbuild';
import { COOKIE_FILTER_CODE_MARKER } from '../privacy/markers';
import type { SiteRoutes } from './functions/site-routes';
import { CookiePolicy } from './policy';

/** The two events the filter runs on. */
export type CookieFilterEvent = 'viewer-request' | 'viewer-response';

/** CloudFront's hard limit on a function's code. */
export const MAX_FUNCTION_BYTES = 10240;

/** The functions' sources: `<event>.ts` in ./functions. */
export const EDGE_SOURCE_DIR = path.join(__dirname, 'functions');

/**
 * Script-level variable the bundle stores its handler in. The runtime calls the
 * top-level `handler` declared after the bundle, which delegates to it; the entry
 * exports nothing, so esbuild adds no module-interop helpers.
 */
const HANDLER_VAR = 'cookieFilterHandler';

/**
 * Compiles one cookie-filter function with the site's policy baked in: one
 * self-contained script that starts with COOKIE_FILTER_CODE_MARKER and defines a
 * top-level `handler`, as CloudFront Functions (cloudfront-js-2.0) expects.
 * Runs esbuild in-process: no network, no Docker, milliseconds per site.
 * `routes` (a static site's folder URLs and redirects) is baked into the
 * viewer-request function; without it that code is dropped from the bundle.
 * `sourceDir` is for the benchmark, which compiles another revision's sources.
 */
export function compileCookieFilter(
  event: CookieFilterEvent,
  policy: CookiePolicy,
  routes: SiteRoutes | null = null,
  sourceDir = EDGE_SOURCE_DIR,
): string {
  const source = path.join(sourceDir, `${event}.ts`);
  const result = buildSync({
    stdin: {
      contents: `import { handler } from ${JSON.stringify(source)};\n${HANDLER_VAR} = handler;`,
      resolveDir: sourceDir,
      sourcefile: `${event}-entry.ts`,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'neutral',
    // ES5 output, plus the ES6+ syntax the 2.0 runtime documents (const/let, arrow
    // functions, template literals, rest parameters, **): esbuild then never emits
    // shorthand properties, destructuring, classes, for-of, spread, ?. or ??.
    target: 'es5',
    supported: {
      'const-and-let': true,
      arrow: true,
      'template-literal': true,
      'rest-argument': true,
      'exponent-operator': true,
    },
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    define: { __COOKIE_POLICY__: JSON.stringify(policy), __SITE_ROUTES__: JSON.stringify(routes) },
    banner: { js: `${COOKIE_FILTER_CODE_MARKER}\nvar ${HANDLER_VAR};` },
    footer: { js: `function handler(event){return ${HANDLER_VAR}(event)}` },
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text.trim();
  const bytes = Buffer.byteLength(code, 'utf8');
  if (bytes > MAX_FUNCTION_BYTES) {
    throw new Error(
      `cookie filter (${event}) compiles to ${bytes} bytes, over CloudFront's ${MAX_FUNCTION_BYTES}-byte limit: ` +
        "shorten the site's cookie list, its redirects or the legacy list in lib/privacy/tracking-cookies.ts.",
    );
  }
  return code;
}
