import { CfnResource } from 'aws-cdk-lib';
import { COMPLIANT, NON_COMPLIANT, nameRule } from '../rule';
import { props } from '../template/resolve';
import { trackingHostsIn } from '../tracking-hosts';

/**
 * No string in any resource's properties — headers, CSPs, function code, user
 * data, environment variables — names an analytics, advertising, tag-manager or
 * social-tracking host (third-party-web dataset, subdomains included).
 */
const NoTrackingHosts = nameRule(__filename, (node: CfnResource) =>
  someString(props(node), (s) => trackingHostsIn(s).length > 0) ? NON_COMPLIANT : COMPLIANT,
);

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
