import { Disclosure, DisclosedSite } from './model';
import { functionAllowlist } from './function-allowlist';
import { referencedId, resources, SynthesizedStack, Template, TemplateResource } from './templates';

/** AWS managed cache and origin request policies that forward no cookie. */
const MANAGED_WITHOUT_COOKIES = new Set([
  '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // CachingDisabled
  '658327ea-f89d-4fab-a63d-7e88639e58f6', // CachingOptimized
  'b2884449-e4de-46a7-ac36-70bc7f1ddd6d', // CachingOptimizedForUncompressedObjects
  '88a5eaf4-2fd4-4709-b370-b4c650ea3fcf', // CORS-S3Origin
  '59781a5b-3903-41f3-afcb-af62929ccde1', // CORS-CustomOrigin
  'acba4595-bd28-49b8-b9fe-13317c0390fa', // UserAgentRefererHeaders
]);

/** AWS managed origin request policies that forward every cookie. */
const MANAGED_ALL_COOKIES = new Set([
  '216adef6-5c7f-47e4-b989-5492eafa07d3', // AllViewer
  'b689b0a8-53d0-40ab-baf2-68738e2966ac', // AllViewerExceptHostHeader
  '33f36d7e-f396-46d9-90e0-52428a34d9dc', // AllViewerAndCloudFrontHeaders-2022-06
]);

/**
 * Every cookie a distribution lets through at the edge — in its cache policies,
 * origin request policies, legacy forwarded values and cookie-filter functions —
 * is one the disclosure lists for the site the distribution serves, and the
 * stack holding it deploys to that site's disclosed region.
 */
export function cookieDrift(stacks: readonly SynthesizedStack[], d: Disclosure): string[] {
  const problems: string[] = [];
  for (const stack of stacks) {
    for (const [id, dist] of resources(stack.template, 'AWS::CloudFront::Distribution')) {
      const where = `${stack.name}/${id}`;
      const site = siteOf(dist, d);
      if (!site) {
        problems.push(`${where}: cannot tell which disclosed site this distribution serves (no alias or "<site> site" comment matches ${d.sites.map((s) => s.key).join(', ')}).`);
        continue;
      }
      if (stack.region !== site.region) {
        problems.push(`${where}: serves site "${site.key}" from a stack in region "${stack.region}", but the disclosure says it is hosted in "${site.region}".`);
      }
      const disclosed = new Set(site.cookies.map((c) => c.name));
      for (const found of edgeCookies(stack.template, dist)) {
        if (found.problem) problems.push(`${where} (site "${site.key}"): ${found.source} ${found.problem}`);
        for (const name of found.names ?? []) {
          if (!disclosed.has(name)) {
            problems.push(
              `${where} (site "${site.key}"): cookie "${name}" is allowlisted at the edge (${found.source}) but the disclosure ` +
                `does not list it for this site. Declare it in the site's "cookies" in the estate config, or remove it from the edge.`,
            );
          }
        }
      }
    }
  }
  return problems;
}

/** A distribution's site: by custom domain when it has one, else by the "<site> site" comment. */
function siteOf(dist: TemplateResource, d: Disclosure): DisclosedSite | undefined {
  const config = dist.Properties?.DistributionConfig ?? {};
  const aliases: unknown[] = config.Aliases ?? [];
  const byAlias = d.sites.find((s) => s.host && aliases.includes(s.host));
  if (byAlias) return byAlias;
  const key = typeof config.Comment === 'string' ? /^(\w+) site$/.exec(config.Comment)?.[1] : undefined;
  return d.sites.find((s) => s.key === key);
}

export interface EdgeCookies {
  readonly source: string;
  readonly names?: readonly string[];
  readonly problem?: string;
}

export function edgeCookies(t: Template, dist: TemplateResource): EdgeCookies[] {
  const config = dist.Properties?.DistributionConfig ?? {};
  const behaviors = [config.DefaultCacheBehavior, ...(config.CacheBehaviors ?? [])].filter(Boolean);
  const out: EdgeCookies[] = [];
  const seen = new Set<string>();
  const policy = (value: unknown, type: string, configKey: string, read: (cfg: any) => any) => {
    const id = referencedId(value);
    if (id === undefined) {
      if (typeof value === 'string' && MANAGED_ALL_COOKIES.has(value)) {
        out.push({ source: `managed ${type} ${value}`, problem: 'passes every cookie, so cookies the disclosure does not list reach the origin; use an allowlist.' });
      } else if (typeof value === 'string' && !MANAGED_WITHOUT_COOKIES.has(value)) {
        out.push({ source: `${type} ${value}`, problem: 'is a policy this check cannot read; use a policy defined in the template or a managed one without cookies.' });
      }
      return;
    }
    if (seen.has(id)) return;
    seen.add(id);
    const r = t.Resources?.[id];
    if (!r) return;
    out.push(cookiesConfig(`${type} ${id}`, read(r.Properties?.[configKey])));
  };
  for (const b of behaviors) {
    policy(b.CachePolicyId, 'cache policy', 'CachePolicyConfig', (c) => c?.ParametersInCacheKeyAndForwardedToOrigin?.CookiesConfig);
    policy(b.OriginRequestPolicyId, 'origin request policy', 'OriginRequestPolicyConfig', (c) => c?.CookiesConfig);
    const fwd = b.ForwardedValues?.Cookies;
    if (fwd) out.push(cookiesConfig('forwarded values', { CookieBehavior: fwd.Forward, Cookies: fwd.WhitelistedNames }));
    for (const assoc of b.FunctionAssociations ?? []) {
      const id = referencedId(assoc.FunctionARN);
      const fn = id ? t.Resources?.[id] : undefined;
      if (!id || !fn || seen.has(id)) continue;
      seen.add(id);
      const code = fn.Properties?.FunctionCode;
      const names = typeof code === 'string' ? functionAllowlist(code) : undefined;
      // A function without a cookie policy (e.g. a redirect) lets no cookie through by itself.
      if (names) out.push({ source: `cookie filter ${id}`, names });
    }
  }
  return out;
}

function cookiesConfig(source: string, cfg: { CookieBehavior?: string; Cookies?: unknown } | undefined): EdgeCookies {
  const behavior = cfg?.CookieBehavior ?? 'none';
  if (behavior === 'none') return { source, names: [] };
  if (behavior === 'whitelist') {
    const names = cfg?.Cookies;
    if (!Array.isArray(names) || names.some((n) => typeof n !== 'string')) {
      return { source, problem: `lists cookies as ${JSON.stringify(names)}, which this check cannot read as names.` };
    }
    return { source, names };
  }
  return { source, problem: `passes cookies "${behavior}", so cookies the disclosure does not list reach the origin; use an allowlist.` };
}
