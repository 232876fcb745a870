import { CookieDeclaration, EstateConfig, SITE_KEYS, SiteKey, siteHostName } from '../config';
import { applyResponseHeadersPolicy, HeaderMap } from '../preview/headers-policy';
import { findSiteEdge, ResponseHeadersPolicyConfig, SiteEdge } from '../preview/site-edge';
import { standInSiteEdge } from '../preview/stand-in-stack';
import { synthesizeEstate } from '../preview/synth';

/** One response header as the site's response headers policy configures it. */
export interface ExpectedHeader {
  /** Lowercase name. */
  readonly name: string;
  /** `exact`: the policy overrides the origin, so the value must be this; `present`: the origin's own value may stay; `absent`: the policy removes it. */
  readonly rule: 'exact' | 'present' | 'absent';
  readonly value?: string;
}

/** What the estate declares for one site: the verdict's yardstick. */
export interface SiteExpectations {
  readonly site: SiteKey;
  /** The cookies the site may set, from the estate config (the same list the disclosure publishes). */
  readonly cookies: readonly CookieDeclaration[];
  /** Headers of every page, from the response headers policy in the synthesized template. */
  readonly headers: readonly ExpectedHeader[];
}

/**
 * The site's declared cookies come from the config, through its types; the
 * headers come from the response headers policy the synthesized template ships
 * (`SiteEdge`, the same one the preview applies), so a CSP or header set per site
 * in config is compared as synthesized, never as a copy kept here.
 */
export function siteExpectations(config: EstateConfig, site: SiteKey, edge: SiteEdge): SiteExpectations {
  const declared = config.sites[site];
  if (!declared) throw new Error(`--site ${site}: the estate config has no sites.${site}; configure it in estate.config.ts.`);
  return { site, cookies: declared.cookies, headers: expectedHeaders(edge.responseHeadersPolicy) };
}

/**
 * Runs CloudFront's policy logic (lib/preview/headers-policy.ts) twice: on an
 * empty response, which gives each header's value, and on a response whose
 * origin already sent every one of them, which shows which the policy overrides.
 */
export function expectedHeaders(policy: ResponseHeadersPolicyConfig): ExpectedHeader[] {
  const added: HeaderMap = new Map();
  applyResponseHeadersPolicy(policy, added);
  const ORIGIN = '\u0000origin value';
  const fromOrigin: HeaderMap = new Map([...added.keys()].map((k) => [k, [ORIGIN]]));
  applyResponseHeadersPolicy(policy, fromOrigin);
  const out: ExpectedHeader[] = [...added].map(([name, [value]]) => ({ name, rule: fromOrigin.get(name)?.[0] === ORIGIN ? 'present' : 'exact', value }));
  for (const item of policy.RemoveHeadersConfig?.Items ?? []) out.push({ name: String(item.Header).toLowerCase(), rule: 'absent' });
  return out;
}

/** The site whose host name (under the config's domain) is `host`; undefined when none is. */
export function siteForHost(config: EstateConfig, host: string): SiteKey | undefined {
  return SITE_KEYS.find((k) => siteHostName(config, k) === host.toLowerCase());
}

/**
 * For a live site: synthesizes the estate from the config (offline, into a
 * temporary folder) and takes the site's response headers policy from its
 * template, as `npm run preview` does.
 */
export function estateExpectations(config: EstateConfig, site: SiteKey): SiteExpectations {
  if (!config.sites[site]) throw new Error(`--site ${site}: the estate config has no sites.${site}; configure it in estate.config.ts.`);
  const { assembly } = synthesizeEstate(config);
  return siteExpectations(config, site, findSiteEdge(assembly, site) ?? standInSiteEdge(config, site));
}
