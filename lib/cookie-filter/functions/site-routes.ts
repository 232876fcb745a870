import { CfMap, CfRequest, CfResponse } from '../../cloudfront-functions/events';

/**
 * URL routing of a static site behind a private S3 origin, baked into the
 * viewer-request function at synth (esbuild `define` of `__SITE_ROUTES__`);
 * `null` for sites whose origin routes itself.
 *
 * CloudFront's default root object covers only `/`; an S3 REST origin behind
 * origin access control has no index documents and no redirects
 * (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DefaultRootObject.html),
 * so the edge does what static hosts (S3 website endpoints, Netlify, GitHub Pages) do:
 * - `/x/` is served from the object `x/index.html`;
 * - `/x` whose last segment has no dot answers 301 to `/x/`;
 * - a configured redirect answers 301 before either, from its exact path.
 */
export interface SiteRoutes {
  /** Path → Location, exact match (validated at synth: absolute paths, no loops). */
  readonly r: { readonly [path: string]: string };
}

const hasOwn = Object.prototype.hasOwnProperty;

/** The 301 for the request, or `undefined` after rewriting a folder URL in place. */
export function route(routes: SiteRoutes, request: CfRequest): CfResponse | undefined {
  const uri = request.uri;
  if (hasOwn.call(routes.r, uri)) return moved(routes.r[uri], request.querystring);
  const last = uri.lastIndexOf('/');
  if (last === uri.length - 1) {
    request.uri = uri + 'index.html';
  } else if (uri.indexOf('.', last) < 0) {
    return moved(uri + '/', request.querystring);
  }
  return undefined;
}

function moved(location: string, query: CfMap): CfResponse {
  return {
    statusCode: 301,
    statusDescription: 'Moved Permanently',
    headers: { location: { value: location + queryString(query) } },
    cookies: {},
  };
}

/**
 * The query string back in the Location, so a moved search keeps its parameters.
 * Targets carry no query or fragment (validated at synth), so it is appended as is.
 */
function queryString(query: CfMap): string {
  let out = '';
  for (const name in query) {
    const v = query[name];
    const values = v.multiValue && v.multiValue.length ? v.multiValue : [v];
    for (let i = 0; i < values.length; i++) {
      out += (out ? '&' : '?') + name + (values[i].value === '' ? '' : '=' + values[i].value);
    }
  }
  return out;
}
