import { HeaderProblemEvidence } from './types';

/**
 * Chromium's console reports of a response header it could not apply in full. They
 * come from the site's own headers, not from its pages' scripts, so the evidence
 * names them (header, feature, message) instead of keeping them as console lines.
 *
 * - Permissions-Policy / Document-Policy: "Error with Permissions-Policy header:
 *   Unrecognized feature: 'run-ad-auction'." or "... Origin trial controlled feature
 *   not enabled: 'browsing-topics'." (third_party/blink/renderer/core/
 *   permissions_policy/permissions_policy_parser.cc builds the message, the frame's
 *   security context prefixes the header's name).
 * - Content-Security-Policy: "Unrecognized Content-Security-Policy directive 'x'."
 *   and "The Content-Security-Policy directive 'x' ... is ignored" (third_party/blink/
 *   renderer/core/frame/csp/content_security_policy.cc).
 */
const POLICY_HEADER = /^Error with (Permissions-Policy|Feature-Policy|Document-Policy) header: (.*)$/s;
const CSP_DIRECTIVE = /^(?:Unrecognized Content-Security-Policy directive '([^']+)'|The Content[- ]Security[- ]Policy directive '([^']+)'.*(?:ignored|not supported))/s;
const QUOTED = /'([^']+)'/;

/** The header problem a console message reports; undefined for any other message. */
export function headerProblemOf(text: string): HeaderProblemEvidence | undefined {
  const policy = POLICY_HEADER.exec(text);
  if (policy) return { header: policy[1], feature: QUOTED.exec(policy[2])?.[1] ?? '', message: policy[2].trim() };
  const csp = CSP_DIRECTIVE.exec(text);
  if (csp) return { header: 'Content-Security-Policy', feature: csp[1] ?? csp[2], message: text.trim() };
  return undefined;
}
