import { CfnResource } from 'aws-cdk-lib';
import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, nameRule } from '../rule';
import { list, literal, props } from '../template/resolve';
import { thirdPartyEntityOf } from '../tracking-hosts';

/** Directives that load code or content a third party controls, each with the directives it falls back to (CSP Level 3). */
const CHECKED: Record<string, readonly string[]> = {
  'script-src': ['default-src'],
  'script-src-elem': ['script-src', 'default-src'],
  'script-src-attr': ['script-src', 'default-src'],
  'style-src': ['default-src'],
  'style-src-elem': ['style-src', 'default-src'],
  'font-src': ['default-src'],
  'frame-src': ['child-src', 'default-src'],
};

/** Sources that allow any host: `*` and bare schemes. */
const ANY_HOST = /^(\*|https?:|wss?:)$/i;
const SCRIPT_ONLY_BAD = new Set(["'unsafe-inline'", "'unsafe-eval'", 'data:']);

/** `directive → sources` of a CSP string (first occurrence wins, as browsers do). */
export function parseCsp(csp: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** The problems of a CSP: sources that let third-party scripts, styles, fonts or frames in. */
export function cspProblems(csp: string): string[] {
  const d = parseCsp(csp);
  const problems: string[] = [];
  for (const [directive, fallbacks] of Object.entries(CHECKED)) {
    const effective = [directive, ...fallbacks].find((x) => d.has(x));
    if (effective === undefined) continue; // nothing loads from anywhere but the default: no sources
    for (const source of d.get(effective)!) {
      const s = source.toLowerCase();
      if (ANY_HOST.test(s)) problems.push(`${directive} allows any host (${source})`);
      else if (directive.startsWith('script') && SCRIPT_ONLY_BAD.has(s)) problems.push(`${directive} allows ${source}`);
      else if (!s.startsWith("'") && !s.endsWith(':')) {
        const host = s.replace(/^[a-z]+:\/\//, '').replace(/[:/].*$/, '').replace(/^\*\./, '');
        const entity = thirdPartyEntityOf(host);
        if (entity) problems.push(`${directive} allows ${source} (${entity})`);
      }
    }
  }
  return problems;
}

/**
 * A response headers policy's Content-Security-Policy (the security header or a
 * custom header of that name) lets no third party's code in: for scripts,
 * styles, fonts and frames (directly or through default-src) no `*` or bare
 * scheme, no host the third-party-web dataset lists (trackers, CDNs, font and
 * widget hosts alike), and for scripts no 'unsafe-inline', 'unsafe-eval' or data:.
 */
const CspNoThirdPartyCode = nameRule(__filename, (node: CfnResource) => {
  if (node.cfnResourceType !== 'AWS::CloudFront::ResponseHeadersPolicy') return NOT_APPLICABLE;
  const config = props(node).ResponseHeadersPolicyConfig ?? {};
  const csps = [literal(node, 'ContentSecurityPolicy.ContentSecurityPolicy', config.SecurityHeadersConfig?.ContentSecurityPolicy?.ContentSecurityPolicy)];
  for (const h of list(node, 'CustomHeadersConfig.Items', config.CustomHeadersConfig?.Items)) {
    if (String(literal(node, 'CustomHeadersConfig.Items[].Header', h.Header)).toLowerCase() === 'content-security-policy') {
      csps.push(literal(node, 'Content-Security-Policy value', h.Value));
    }
  }
  const present = csps.filter((c): c is string => typeof c === 'string');
  if (present.length === 0) return NOT_APPLICABLE; // no CSP at all: Privacy-CloudFrontResponseHeaders
  return present.some((c) => cspProblems(c).length > 0) ? NON_COMPLIANT : COMPLIANT;
});

export default CspNoThirdPartyCode;
