import * as fs from 'fs';
import * as path from 'path';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { CookieFilterPair, cookieFiltersInTemplate } from '../cloudfront-functions/harness';

/**
 * Everything the local edge needs about one site, read from the synthesized
 * template (never from the config): the cookie-filter functions as shipped, the
 * response headers policy, the cookies the origin request policy forwards, the
 * default root object, the custom error responses and, for a bucket origin, the
 * folders its BucketDeployment uploads.
 */
export interface SiteEdge {
  readonly stackName: string;
  readonly functions: CookieFilterPair;
  readonly responseHeadersPolicy: ResponseHeadersPolicyConfig;
  /** Cookie names the origin request policy forwards; `'all'` when every cookie is. */
  readonly originCookies: readonly string[] | 'all';
  /** Methods each behavior allows, in CloudFront's matching order; the default behavior last, with pattern '*'. */
  readonly allowedMethods: readonly { readonly pathPattern: string; readonly methods: readonly string[] }[];
  /** Header names (lowercase) the origin request policy forwards; `'all'` for allViewer*. */
  readonly originHeaders: readonly string[] | 'all';
  readonly defaultRootObject?: string;
  readonly errorResponses: readonly ErrorResponse[];
  /** The additional cache behaviors, in CloudFront's order (first match wins), with their headers policy. */
  readonly pathBehaviors: readonly PathBehavior[];
  /** Asset folders the content deployment uploads, in order (later ones win). */
  readonly contentDirs: readonly string[];
}

export interface ErrorResponse {
  readonly ErrorCode: number;
  readonly ResponseCode?: number;
  readonly ResponsePagePath?: string;
}

export type ResponseHeadersPolicyConfig = Record<string, any>;

export interface PathBehavior {
  readonly pathPattern: string;
  readonly responseHeadersPolicy: ResponseHeadersPolicyConfig;
}

/**
 * The response headers policy of the behavior a path falls under. CloudFront path
 * patterns: case-sensitive, `*` any run of characters, `?` one character, first
 * matching behavior in order, else the default (DistributionConfig CacheBehaviors).
 */
export function responseHeadersPolicyFor(edge: SiteEdge, uri: string): ResponseHeadersPolicyConfig {
  for (const b of edge.pathBehaviors) {
    if (pathPatternMatches(b.pathPattern, uri)) return b.responseHeadersPolicy;
  }
  return edge.responseHeadersPolicy;
}

/**
 * CloudFront path patterns: `*` any characters, `?` one; case-sensitive; the whole
 * path; the leading `/` optional (`images/*` and `/images/*` are the same pattern).
 */
export function pathPatternMatches(pattern: string, path: string): boolean {
  if (pattern === '*') return true;
  const rooted = pattern.startsWith('/') ? pattern : `/${pattern}`;
  return new RegExp(`^${rooted.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`).test(path);
}

/** The distribution whose comment is "<site> site" (PrivateDistribution's naming), with its template. */
export function findSiteEdge(assembly: cxapi.CloudAssembly, siteKey: string): SiteEdge | undefined {
  for (const stack of assembly.stacks) {
    const resources: Record<string, any> = stack.template.Resources ?? {};
    for (const [id, r] of Object.entries(resources)) {
      if (r.Type !== 'AWS::CloudFront::Distribution') continue;
      const config = r.Properties.DistributionConfig;
      if (config.Comment !== `${siteKey} site`) continue;
      const behavior = config.DefaultCacheBehavior;
      const pair = cookieFiltersInTemplate(stack.template).find((p) => p.distribution === id);
      if (!pair) throw new Error(`${stack.stackName}/${id}: no cookie-filter functions on the default behavior`);
      return {
        stackName: stack.stackName,
        functions: pair,
        responseHeadersPolicy: policyConfig(resources, behavior.ResponseHeadersPolicyId, 'ResponseHeadersPolicyConfig') ?? {},
        originCookies: originCookies(policyConfig(resources, behavior.OriginRequestPolicyId, 'OriginRequestPolicyConfig')),
        allowedMethods: [...(config.CacheBehaviors ?? []), { ...behavior, PathPattern: '*' }].map((b: any) => ({
          pathPattern: b.PathPattern,
          methods: b.AllowedMethods ?? ['GET', 'HEAD'],
        })),
        originHeaders: originHeaders(policyConfig(resources, behavior.OriginRequestPolicyId, 'OriginRequestPolicyConfig')),
        defaultRootObject: config.DefaultRootObject,
        errorResponses: config.CustomErrorResponses ?? [],
        pathBehaviors: (config.CacheBehaviors ?? []).map((b: Record<string, any>) => ({
          pathPattern: b.PathPattern,
          responseHeadersPolicy: policyConfig(resources, b.ResponseHeadersPolicyId, 'ResponseHeadersPolicyConfig') ?? {},
        })),
        contentDirs: contentDirs(assembly, stack, resources),
      };
    }
  }
  return undefined;
}

function policyConfig(resources: Record<string, any>, ref: unknown, key: string): Record<string, any> | undefined {
  const id = (ref as { Ref?: string } | undefined)?.Ref;
  return id ? resources[id]?.Properties?.[key] : undefined;
}

function originCookies(config: Record<string, any> | undefined): readonly string[] | 'all' {
  const c = config?.CookiesConfig;
  if (!c || c.CookieBehavior === 'none') return [];
  if (c.CookieBehavior === 'whitelist') return c.Cookies ?? [];
  return 'all';
}

function originHeaders(config: Record<string, any> | undefined): readonly string[] | 'all' {
  const h = config?.HeadersConfig;
  if (!h || h.HeaderBehavior === 'none') return [];
  if (h.HeaderBehavior === 'whitelist') return (h.Headers ?? []).map((n: string) => n.toLowerCase());
  if (h.HeaderBehavior === 'allViewer') return 'all';
  throw new Error(`origin request policy: HeaderBehavior ${h.HeaderBehavior} is not modelled by the local edge; add it to lib/preview/site-edge.ts`);
}

/** The staged asset folder of every source of the stack's content deployment. */
function contentDirs(assembly: cxapi.CloudAssembly, stack: cxapi.CloudFormationStackArtifact, resources: Record<string, any>): string[] {
  const deployment = Object.values(resources).find((r) => r.Type === 'Custom::CDKBucketDeployment');
  if (!deployment) return [];
  const manifest = stack.dependencies.find((d): d is cxapi.AssetManifestArtifact => d instanceof cxapi.AssetManifestArtifact);
  const files: Record<string, any> = manifest ? JSON.parse(fs.readFileSync(manifest.file, 'utf8')).files ?? {} : {};
  return (deployment.Properties.SourceObjectKeys as string[]).map((key) => {
    const hash = key.replace(/\.zip$/, '');
    const source = files[hash]?.source?.path ?? `asset.${hash}`;
    const dir = path.join(assembly.directory, source);
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
      throw new Error(`${stack.stackName}: content source ${key} is not a staged folder in ${assembly.directory}`);
    }
    return dir;
  });
}
