import { Duration, Token, Validations } from 'aws-cdk-lib';
import { ICertificate } from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { CloudFrontTarget } from 'aws-cdk-lib/aws-route53-targets';
import { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { SiteRoutes } from '../cookie-filter/functions/site-routes';
import { SiteConfig, SiteKey } from '../config';
import { CookieFilter } from '../cookie-filter/cookie-filter';
import { LOG_PREFIXES } from './log-bucket';
import { ContentSecurityPolicy, SecurityHeaders } from './security-headers';

/** Whether CloudFront may cache a behavior's responses. */
export type BehaviorCaching = 'cached' | 'uncached';

/**
 * Which of the site's cookies one group of behaviors passes to the origin: those it
 * reads or sets on those paths. CloudFront takes at most 10 cookies per cache policy
 * and per origin request policy, so a site with more declared cookies gives paths
 * with different needs their own set (docs/forum.md, "Cookies at the origin").
 */
export interface CookieSet {
  /** Names the set's policies (`OriginRequestPolicy<id>`, `CachePolicy<id>`). */
  readonly id: string;
  /** Cookies of the site's allowlist; empty: none reaches the origin. */
  readonly names: readonly string[];
}

export interface SiteBehavior {
  /** @default the distribution's default origin */
  readonly origin?: cloudfront.IOrigin;
  readonly caching: BehaviorCaching;
  /** @default GET, HEAD */
  readonly allowedMethods?: cloudfront.AllowedMethods;
  /**
   * The behavior's responses never set cookies: its response headers policy removes
   * Set-Cookie on every status (static files; custom error pages served from here).
   * @default false
   */
  readonly stripSetCookie?: boolean;
  /** @default every cookie the site declares */
  readonly cookieSet?: CookieSet;
}

export interface SiteDomain {
  readonly names: string[];
  readonly certificate: ICertificate;
  /** When given, A and AAAA alias records for every name are created in it. */
  readonly zone?: route53.IHostedZone;
}

export interface PrivateDistributionProps {
  readonly siteKey: SiteKey;
  /** The site's config: its cookie allowlist decides which cookies pass the edge. */
  readonly site: SiteConfig;
  readonly origin: cloudfront.IOrigin;
  /** @default { caching: 'cached' } */
  readonly defaultBehavior?: Omit<SiteBehavior, 'origin'>;
  /** Path pattern → behavior. */
  readonly additionalBehaviors?: Record<string, SiteBehavior>;
  /** The estate's EU log bucket; logs go under `cloudfront/<siteKey>/`. */
  readonly logBucket: IBucket;
  /** Custom host names, their us-east-1 certificate and zone; `undefined` uses the CloudFront domain. */
  readonly domain?: SiteDomain;
  /** @default a CSP that allows only the site itself */
  readonly contentSecurityPolicy?: ContentSecurityPolicy;
  /** See SecurityHeadersProps.overrideOriginContentSecurityPolicy. @default true */
  readonly overrideOriginContentSecurityPolicy?: boolean;
  /** Viewer headers the origin needs (e.g. `Host` for an app origin). @default none */
  readonly forwardHeaders?: string[];
  /** @default no root object */
  readonly defaultRootObject?: string;
  readonly errorResponses?: cloudfront.ErrorResponse[];
  /**
   * Registrable domain on which the cookie filter also expires legacy analytics cookies.
   * @default derived from `domain.names[0]` and `site.subdomain`; none without a domain
   */
  readonly cookieDomain?: string;
  /** Folder URLs and redirects of a static site, answered at the edge. @default none */
  readonly routes?: SiteRoutes;
}

/**
 * The one way a site of the estate is put behind CloudFront. Every behavior is
 * built by `behavior()`, so none can exist without the site's cookie policy,
 * security headers and HTTPS; access logs go to the EU log bucket without cookies.
 */
export class PrivateDistribution extends Construct {
  public readonly siteKey: SiteKey;
  public readonly distribution: cloudfront.Distribution;
  public readonly responseHeadersPolicy: cloudfront.IResponseHeadersPolicy;
  public readonly cookieFilter: CookieFilter;
  private readonly forwardHeaders?: string[];
  private readonly site: SiteConfig;
  private readonly contentSecurityPolicy?: PrivateDistributionProps['contentSecurityPolicy'];
  private noCookieHeadersPolicy?: cloudfront.IResponseHeadersPolicy;

  constructor(scope: Construct, id: string, props: PrivateDistributionProps) {
    super(scope, id);
    this.site = props.site;
    this.siteKey = props.siteKey;
    this.contentSecurityPolicy = props.contentSecurityPolicy;
    this.forwardHeaders = props.forwardHeaders;

    this.cookieFilter = new CookieFilter(this, 'CookieFilter', {
      siteKey: props.siteKey,
      site: props.site,
      parentDomain: props.cookieDomain ?? registrableDomain(props),
      routes: props.routes,
    });
    this.responseHeadersPolicy = new SecurityHeaders(this, 'Headers', {
      contentSecurityPolicy: props.contentSecurityPolicy,
      overrideOriginContentSecurityPolicy: props.overrideOriginContentSecurityPolicy,
      // Viewer-response functions do not run on responses >= 400; the policy applies to
      // every response, so a site that sets no cookies loses Set-Cookie on errors too.
      removeHeaders: props.site.cookies.length === 0 ? ['Set-Cookie'] : undefined,
    });
    const additionalBehaviors: Record<string, cloudfront.BehaviorOptions> = {};
    for (const [path, b] of Object.entries(props.additionalBehaviors ?? {})) {
      additionalBehaviors[path] = this.behavior(b.origin ?? props.origin, b);
    }

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `${props.siteKey} site`,
      defaultBehavior: this.behavior(props.origin, props.defaultBehavior ?? { caching: 'cached' }),
      additionalBehaviors,
      defaultRootObject: props.defaultRootObject,
      errorResponses: props.errorResponses,
      domainNames: props.domain?.names,
      certificate: props.domain?.certificate,
      // Only settable with a custom certificate; *.cloudfront.net is fixed by CloudFront.
      minimumProtocolVersion: props.domain ? cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021 : undefined,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: props.logBucket,
      logFilePrefix: LOG_PREFIXES.cloudfront(props.siteKey),
      logIncludesCookies: false,
    });
    this.acknowledgeEdgeFindings(props);
    if (props.domain?.zone) this.aliasRecords(props.domain.zone, props.domain.names);
  }

  private aliasRecords(zone: route53.IHostedZone, names: string[]): void {
    const target = route53.RecordTarget.fromAlias(new CloudFrontTarget(this.distribution));
    names.forEach((recordName, i) => {
      new route53.ARecord(this, `Alias${i}A`, { zone, recordName, target });
      new route53.AaaaRecord(this, `Alias${i}AAAA`, { zone, recordName, target });
    });
  }

  private newCachePolicy(id: string, cookieBehavior: cloudfront.CacheCookieBehavior, what: string): cloudfront.ICachePolicy {
    return new cloudfront.CachePolicy(this, id, {
      comment: `${this.siteKey}: ${what}`,
      cookieBehavior,
      queryStringBehavior: cloudfront.CacheQueryStringBehavior.all(),
      headerBehavior: cloudfront.CacheHeaderBehavior.none(),
      defaultTtl: Duration.hours(1),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
  }

  private newOriginRequestPolicy(id: string, cookieBehavior: cloudfront.OriginRequestCookieBehavior, what: string): cloudfront.IOriginRequestPolicy {
    return new cloudfront.OriginRequestPolicy(this, id, {
      comment: `${this.siteKey}: ${what}`,
      cookieBehavior,
      queryStringBehavior: cloudfront.OriginRequestQueryStringBehavior.all(),
      headerBehavior: this.forwardHeaders?.length
        ? cloudfront.OriginRequestHeaderBehavior.allowList(...this.forwardHeaders)
        : cloudfront.OriginRequestHeaderBehavior.none(),
    });
  }

  /**
   * A cookie set's cache policy, made when a cached behavior first uses it (an unused
   * policy would still count against CloudFront's quotas). Without a set: the site's
   * whole allowlist, under the policy's original id.
   */
  private cachePolicyFor(set?: CookieSet): cloudfront.ICachePolicy {
    const s = this.checkedSet(set);
    const id = `CachePolicy${s.id}`;
    return (this.node.tryFindChild(id) as cloudfront.ICachePolicy | undefined) ??
      this.newCachePolicy(id, this.cookieBehavior([...s.names]).cache, s.id ? setComment(s) : "cache key holds only the site's allowlisted cookies");
  }

  /** A cookie set's origin request policy, made on first use like `cachePolicyFor`. */
  private originRequestPolicyFor(set?: CookieSet): cloudfront.IOriginRequestPolicy {
    const s = this.checkedSet(set);
    const id = `OriginRequestPolicy${s.id}`;
    return (this.node.tryFindChild(id) as cloudfront.IOriginRequestPolicy | undefined) ??
      this.newOriginRequestPolicy(id, this.cookieBehavior([...s.names]).originRequest, s.id ? setComment(s) : "forwards only the site's allowlisted cookies");
  }

  /** The set itself, or the site's whole allowlist; a set may only name declared cookies. */
  private checkedSet(set?: CookieSet): CookieSet {
    const declared = this.site.cookies.map((c) => c.name);
    if (!set) return { id: '', names: declared };
    const undeclared = set.names.filter((n) => !declared.includes(n));
    if (undeclared.length > 0) {
      throw new Error(`PrivateDistribution ${this.siteKey}: cookie set ${set.id} names cookies the site does not declare: ${undeclared.join(', ')}`);
    }
    return set;
  }

  /** The only place a behavior is made: every path gets the same privacy settings. */
  private behavior(origin: cloudfront.IOrigin, b: Omit<SiteBehavior, 'origin'>): cloudfront.BehaviorOptions {
    return {
      origin,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: b.allowedMethods ?? cloudfront.AllowedMethods.ALLOW_GET_HEAD,
      cachePolicy: b.caching === 'cached' ? this.cachePolicyFor(b.cookieSet) : cloudfront.CachePolicy.CACHING_DISABLED,
      originRequestPolicy: this.originRequestPolicyFor(b.cookieSet),
      responseHeadersPolicy: b.stripSetCookie ? this.headersWithoutCookies() : this.responseHeadersPolicy,
      functionAssociations: this.cookieFilter.associations(),
      compress: true,
    };
  }

  /** The site's security headers plus removal of Set-Cookie, for behaviors that set no cookie on any status. */
  private headersWithoutCookies(): cloudfront.IResponseHeadersPolicy {
    this.noCookieHeadersPolicy ??= new SecurityHeaders(this, 'HeadersNoCookies', {
      contentSecurityPolicy: this.contentSecurityPolicy,
      removeHeaders: ['Set-Cookie'],
    });
    return this.noCookieHeadersPolicy;
  }

  /** Cookies reach the cache key and the origin only when the site declares them. */
  private cookieBehavior(names: string[]): { cache: cloudfront.CacheCookieBehavior; originRequest: cloudfront.OriginRequestCookieBehavior } {
    return names.length === 0
      ? { cache: cloudfront.CacheCookieBehavior.none(), originRequest: cloudfront.OriginRequestCookieBehavior.none() }
      : {
          cache: cloudfront.CacheCookieBehavior.allowList(...names),
          originRequest: cloudfront.OriginRequestCookieBehavior.allowList(...names),
        };
  }

  private acknowledgeEdgeFindings(props: PrivateDistributionProps): void {
    const acks = [
      {
        id: 'AwsSolutions-CFR1',
        reason: 'The sites are public documentation and community services for a worldwide audience; no country is excluded by design.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'No WAF: the origins are private (OAC bucket or VPC origin) and CloudFront absorbs volumetric traffic; WAF sampled ' +
          'requests would be a second store of visitor IPs outside the EU log bucket and its retention.',
      },
    ];
    if (!props.domain) {
      acks.push({
        id: 'AwsSolutions-CFR4',
        reason:
          'No custom domain configured: CloudFront serves *.cloudfront.net with its default certificate, whose security ' +
          'policy cannot be set; configuring `domain` applies TLSv1.2_2021.',
      });
    }
    for (const ack of acks) Validations.of(this.distribution).acknowledge(ack);
  }
}

function setComment(set: CookieSet): string {
  return `cookie set ${set.id}: ${set.names.length ? set.names.join(', ') : 'no cookie'}`;
}

/** The apex the site's host name sits under: `appman.example.org` with subdomain `appman` → `example.org`. */
function registrableDomain(props: PrivateDistributionProps): string | undefined {
  const host = props.domain?.names[0];
  if (!host || Token.isUnresolved(host)) return undefined;
  const sub = props.site.subdomain;
  if (!sub) return host;
  return host.startsWith(`${sub}.`) ? host.slice(sub.length + 1) : undefined;
}
