import { Duration } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { Construct } from 'constructs';
import { PERMISSIONS_POLICY } from './permissions-policy';

/** CSP directive name → its source list, e.g. `{ 'img-src': ["'self'", 'data:'] }`. */
export type CspDirectives = { readonly [directive: string]: readonly string[] };

/** A CSP header value, or its directives. */
export type ContentSecurityPolicy = string | CspDirectives;

/** The header value of a policy given as directives: `name source source; ...` in the map's order. */
export function renderCsp(policy: ContentSecurityPolicy): string {
  if (typeof policy === 'string') return policy;
  return Object.entries(policy)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/** A CSP that lets a page load nothing but its own site's resources. */
export const SELF_ONLY_CSP =
  "default-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; object-src 'none'; upgrade-insecure-requests";


export interface SecurityHeadersProps {
  /**
   * The site's CSP; `false` sends none, leaving the origin's own (e.g. an app that
   * sets a per-response nonce). @default SELF_ONLY_CSP
   */
  readonly contentSecurityPolicy?: ContentSecurityPolicy | false;
  /**
   * false: the origin's own Content-Security-Policy passes unchanged (e.g. one with a
   * per-request nonce, which a response headers policy cannot produce); this policy's
   * CSP is sent only on responses that carry none.
   * @default true (this policy's CSP replaces the origin's)
   */
  readonly overrideOriginContentSecurityPolicy?: boolean;
  /** Response headers CloudFront strips before the viewer sees them. */
  readonly removeHeaders?: string[];
}

/** The security and privacy response headers every site of the estate sends. */
export class SecurityHeaders extends cloudfront.ResponseHeadersPolicy {
  constructor(scope: Construct, id: string, props: SecurityHeadersProps = {}) {
    super(scope, id, {
      comment: `Security and privacy headers: HSTS, ${cspKind(props.contentSecurityPolicy)}, strict referrer, no ad-tech APIs`,
      securityHeadersBehavior: {
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          override: true,
        },
        contentSecurityPolicy:
          props.contentSecurityPolicy === false
            ? undefined
            : {
                contentSecurityPolicy: renderCsp(props.contentSecurityPolicy ?? SELF_ONLY_CSP),
                override: props.overrideOriginContentSecurityPolicy ?? true,
              },
        // same-origin is stricter than strict-origin-when-cross-origin: other sites learn
        // nothing of which page a visitor came from.
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.SAME_ORIGIN, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
      },
      customHeadersBehavior: {
        customHeaders: [{ header: 'Permissions-Policy', value: PERMISSIONS_POLICY, override: true }],
      },
      removeHeaders: props.removeHeaders,
    });
  }
}

function cspKind(csp: SecurityHeadersProps['contentSecurityPolicy']): string {
  if (csp === undefined) return 'self-only CSP';
  return csp === false ? "the origin's CSP" : 'site CSP';
}
