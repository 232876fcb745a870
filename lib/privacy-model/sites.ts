import { referencedId, resources, TemplateResource } from '../disclosure/templates';
import { AssemblyStack } from './assembly';
import { SiteFact } from './types';

/** One CloudFront distribution and the site it serves. */
export interface SiteDistribution {
  readonly stack: AssemblyStack;
  readonly site: string;
  readonly resource: TemplateResource;
}

/** CSP source keywords and schemes that name no host. */
const NO_HOST = /^('.*'|data:|blob:|mediastream:|filesystem:)$/;

/**
 * Every distribution of the assembly with its site: the "<site> site" comment
 * PrivateDistribution writes, else the first label of its first alias, else the
 * construct path.
 */
export function siteDistributions(stacks: readonly AssemblyStack[]): SiteDistribution[] {
  return stacks.flatMap((stack) =>
    resources(stack.template, 'AWS::CloudFront::Distribution').map(([id, resource]) => {
      const config = resource.Properties?.DistributionConfig ?? {};
      const fromComment = typeof config.Comment === 'string' ? /^(\w+) site$/.exec(config.Comment)?.[1] : undefined;
      const alias = Array.isArray(config.Aliases) && typeof config.Aliases[0] === 'string' ? config.Aliases[0].split('.')[0] : undefined;
      return { stack, site: fromComment ?? alias ?? stack.paths.get(id) ?? `${stack.name}/${id}`, resource };
    }),
  );
}

/** Each site's host, region, Content-Security-Policy and IP handling in logs. */
export function readSites(stacks: readonly AssemblyStack[], distributions: readonly SiteDistribution[]): SiteFact[] {
  const ipHandling = anonymizerSites(stacks);
  return distributions.map(({ stack, site, resource }) => {
    const config = resource.Properties?.DistributionConfig ?? {};
    const aliases: unknown[] = Array.isArray(config.Aliases) ? config.Aliases : [];
    const host = typeof aliases[0] === 'string' ? aliases[0] : 'CloudFront domain';
    const csp = contentSecurityPolicy(stack, config.DefaultCacheBehavior?.ResponseHeadersPolicyId);
    const ipInLogs = ipHandling[site];
    return {
      site,
      host,
      region: stack.region,
      ...(csp ? { csp } : {}),
      thirdPartyHosts: csp ? cspHosts(csp, aliases.filter((a): a is string => typeof a === 'string')) : [],
      ...(ipInLogs === 'keep' || ipInLogs === 'truncate' ? { ipInLogs } : {}),
    };
  });
}

function contentSecurityPolicy(stack: AssemblyStack, policyId: unknown): string | undefined {
  const id = referencedId(policyId);
  const policy = id ? stack.template.Resources?.[id] : undefined;
  const csp = policy?.Properties?.ResponseHeadersPolicyConfig?.SecurityHeadersConfig?.ContentSecurityPolicy?.ContentSecurityPolicy;
  return typeof csp === 'string' ? csp : undefined;
}

/** Hosts a CSP names besides the site's own (`*` and bare schemes are reported as they are written). */
export function cspHosts(csp: string, ownHosts: readonly string[]): string[] {
  const hosts = new Set<string>();
  for (const directive of csp.split(';')) {
    const [, ...sources] = directive.trim().split(/\s+/);
    for (const source of sources) {
      if (NO_HOST.test(source)) continue;
      // `*` and a bare scheme (`https:`) let in any host: reported as written.
      if (source === '*' || /^[a-z][a-z0-9+.-]*:$/i.test(source)) {
        hosts.add(source);
        continue;
      }
      const host = source.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/[/:].*$/, '');
      if (!ownHosts.includes(host)) hosts.add(host);
    }
  }
  return [...hosts].sort();
}

/** The log anonymizer's per-site IP handling, from its function's environment. */
function anonymizerSites(stacks: readonly AssemblyStack[]): Record<string, string> {
  for (const stack of stacks) {
    for (const [, fn] of resources(stack.template, 'AWS::Lambda::Function')) {
      const value = fn.Properties?.Environment?.Variables?.ANONYMIZER_SITES;
      if (typeof value === 'string') return JSON.parse(value) as Record<string, string>;
    }
  }
  return {};
}
