import { CfnResource } from 'aws-cdk-lib';
import { COMPLIANT, NON_COMPLIANT, nameRule } from '../rule';
import { props } from '../template/resolve';
import { trackingHostsIn } from '../tracking-hosts';

/**
 * No string in any resource's properties — headers, CSPs, function code, user
 * data, environment variables — names an analytics, advertising, tag-manager or
 * social-tracking host (third-party-web dataset, subdomains included). In email
 * templates only what loads on opening counts, not plain links.
 */
const NoTrackingHosts = nameRule(__filename, (node: CfnResource) => {
  const p = props(node);
  const scanned = EMAIL_TEMPLATE_TYPES.has(node.cfnResourceType) ? withoutLinks(p) : p;
  return someString(scanned, (s) => trackingHostsIn(s).length > 0) ? NON_COMPLIANT : COMPLIANT;
});

/** Email templates: a plain link (`<a href>`, or a bare URL in the text part) is followed only if the reader clicks it. */
const EMAIL_TEMPLATE_TYPES = new Set(['AWS::SES::Template']);

/**
 * The template with its links removed, so only what loads when the mail is
 * opened — images (pixels), scripts, styles, frames — is scanned. The text part
 * holds nothing that loads, so it is dropped.
 */
function withoutLinks(p: Record<string, any>): unknown {
  const t = p.Template ?? {};
  const html = typeof t.HtmlPart === 'string' ? t.HtmlPart.replace(/<a\b[^>]*>/gi, '<a>') : t.HtmlPart;
  return { ...p, Template: { ...t, HtmlPart: html, TextPart: undefined } };
}

/** Depth-first over every string leaf, intrinsic arguments included; stops at the first hit. */
export function someString(value: unknown, test: (s: string) => boolean): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (test(v)) return true;
    } else if (Array.isArray(v)) {
      for (const x of v) stack.push(x);
    } else if (v !== null && typeof v === 'object') {
      for (const x of Object.values(v)) stack.push(x);
    }
  }
  return false;
}

export default NoTrackingHosts;
