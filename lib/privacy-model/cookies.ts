import { edgeCookies } from '../disclosure/drift-cookies';
import { functionCookieRules } from '../disclosure/function-allowlist';
import { referencedId } from '../disclosure/templates';
import { SiteDistribution } from './sites';
import { CookieFact } from './types';

const DAY_SECONDS = 86400;

/** Stands for "every cookie" when a policy passes all of them (or all but some). */
export const EVERY_COOKIE = '(every cookie)';

interface Seen {
  reaches: Set<'browser' | 'origin'>;
  lifetime?: number | 'session';
  httpOnly?: boolean;
}

/**
 * Every cookie the edge lets reach the browser or the origin, per site, read with
 * the drift check's helpers: cache and origin request policies and legacy
 * forwarded values send cookies to the origin; the cookie-filter functions let
 * cookies through on viewer request (to the origin) and viewer response (to the
 * browser), with the lifetime and HttpOnly their baked policy enforces.
 */
export function readCookies(distributions: readonly SiteDistribution[], disclosed: Record<string, ReadonlySet<string>>): CookieFact[] {
  const facts: CookieFact[] = [];
  for (const { stack, site, resource } of distributions) {
    const cookies = new Map<string, Seen>();
    const seen = (name: string) => cookies.get(name) ?? cookies.set(name, { reaches: new Set() }).get(name)!;
    const events = functionEvents(resource);
    for (const found of edgeCookies(stack.template, resource)) {
      const functionId = /^cookie filter (\S+)$/.exec(found.source)?.[1];
      const reach = functionId && events.get(functionId) === 'viewer-response' ? 'browser' : 'origin';
      if (found.problem) seen(EVERY_COOKIE).reaches.add(reach);
      for (const name of found.names ?? []) seen(name).reaches.add(reach);
      if (functionId && reach === 'browser') {
        const code = stack.template.Resources?.[functionId]?.Properties?.FunctionCode;
        const rules = typeof code === 'string' ? functionCookieRules(code) ?? {} : {};
        for (const [name, rule] of Object.entries(rules)) {
          const s = seen(name);
          if (rule.maxAgeSeconds !== undefined) s.lifetime = rule.maxAgeSeconds === null ? 'session' : Math.round(rule.maxAgeSeconds / DAY_SECONDS);
          if (rule.httpOnly !== undefined) s.httpOnly = rule.httpOnly;
        }
      }
    }
    for (const [name, s] of cookies) {
      facts.push({
        site,
        name,
        reaches: [...s.reaches].sort(),
        ...(s.lifetime !== undefined ? { lifetime: s.lifetime } : {}),
        ...(s.httpOnly !== undefined ? { httpOnly: s.httpOnly } : {}),
        setBy: s.reaches.has('browser') ? 'the site (first party)' : 'nobody through the edge (the browser only sends it)',
        disclosed: disclosed[site]?.has(name) ?? false,
      });
    }
  }
  return facts;
}

/** Logical id of each function the distribution runs → the event it runs on. */
function functionEvents(resource: SiteDistribution['resource']): Map<string, string> {
  const config = resource.Properties?.DistributionConfig ?? {};
  const events = new Map<string, string>();
  for (const behavior of [config.DefaultCacheBehavior, ...(config.CacheBehaviors ?? [])].filter(Boolean)) {
    for (const assoc of behavior.FunctionAssociations ?? []) {
      const id = referencedId(assoc.FunctionARN);
      if (id) events.set(id, assoc.EventType);
    }
  }
  return events;
}
