import { createHash } from 'crypto';
import { Stack, Token } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { Construct } from 'constructs';
import { SiteConfig, SiteKey } from '../config';
import type { SiteRoutes } from './functions/site-routes';
import { compileCookieFilter, CookieFilterEvent } from './compile';
import { cookiePolicy } from './policy';
import { COOKIE_FILTER_NAME_PREFIX } from '../privacy/markers';

export interface CookieFilterProps {
  readonly siteKey: SiteKey;
  /** The site's config: its `cookies` are the allowlist baked into the code. */
  readonly site: Pick<SiteConfig, 'cookies'>;
  /**
   * Registrable domain the estate's old analytics cookies were set on, expired
   * there too. @default none: the site runs on *.cloudfront.net, a public suffix
   */
  readonly parentDomain?: string;
  /**
   * A static site's folder URLs and redirects, answered by the viewer-request
   * function (lib/cookie-filter/functions/site-routes.ts). @default none: the origin routes
   */
  readonly routes?: SiteRoutes;
}

/** CloudFront function names: 1-64 characters of [A-Za-z0-9_-], unique in the account. */
const MAX_NAME = 64;

/**
 * The cookie filter of one site: a viewer-request and a viewer-response
 * CloudFront Function (runtime cloudfront-js-2.0), compiled at synth from
 * lib/cookie-filter/functions with the site's policy baked in. PrivateDistribution associates
 * both with every behavior.
 */
export class CookieFilter extends Construct {
  public readonly viewerRequest: cloudfront.Function;
  public readonly viewerResponse: cloudfront.Function;

  constructor(scope: Construct, id: string, props: CookieFilterProps) {
    super(scope, id);
    const policy = cookiePolicy(props.site, props.parentDomain);
    const make = (cid: string, event: CookieFilterEvent) =>
      new cloudfront.Function(this, cid, {
        functionName: functionName(Stack.of(this), props.siteKey, event),
        comment: `${props.siteKey}: ${event} cookie filter (allowlist: ${props.site.cookies.map((c) => c.name).join(', ') || 'none'})`.slice(0, 128),
        runtime: cloudfront.FunctionRuntime.JS_2_0,
        code: cloudfront.FunctionCode.fromInline(compileCookieFilter(event, policy, event === 'viewer-request' ? props.routes ?? null : null)),
        autoPublish: true,
      });
    this.viewerRequest = make('ViewerRequest', 'viewer-request');
    this.viewerResponse = make('ViewerResponse', 'viewer-response');
  }

  /** Both associations, for a behavior's `functionAssociations`. */
  public associations(): cloudfront.FunctionAssociation[] {
    return [
      { function: this.viewerRequest, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST },
      { function: this.viewerResponse, eventType: cloudfront.FunctionEventType.VIEWER_RESPONSE },
    ];
  }
}

/**
 * `CookieFilter-<region>-<stack>-<site>-<request|response>`: functions are global
 * to the account, so region and stack name keep two estates apart. Too long a name
 * is cut and ends with a hash of the full one, so it stays unique.
 */
function functionName(stack: Stack, siteKey: string, event: CookieFilterEvent): string {
  const parts = [COOKIE_FILTER_NAME_PREFIX];
  if (!Token.isUnresolved(stack.region)) parts.push(stack.region);
  parts.push(stack.stackName, siteKey, event.replace('viewer-', ''));
  const full = parts.join('-').replace(/[^A-Za-z0-9_-]/g, '-');
  if (full.length <= MAX_NAME) return full;
  const hash = createHash('sha256').update(full).digest('hex').slice(0, 8);
  return `${full.slice(0, MAX_NAME - hash.length - 1)}-${hash}`;
}
