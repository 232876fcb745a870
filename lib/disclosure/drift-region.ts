import { Disclosure } from './model';
import { resources, SynthesizedStack } from './templates';

/**
 * Resource types that hold no personal data and may live outside the disclosed
 * region: CloudFront needs its certificate in us-east-1, and the EU stacks read
 * its ARN from a parameter next to it.
 */
const DATA_FREE_TYPES = new Set([
  'AWS::CDK::Metadata',
  'AWS::CertificateManager::Certificate',
  'AWS::SSM::Parameter',
  'AWS::Route53::RecordSet',
]);

/** A stack in a region the disclosure does not name holds nothing but data-free resources. */
export function regionDrift(stacks: readonly SynthesizedStack[], d: Disclosure): string[] {
  const disclosed = new Set(d.sites.map((s) => s.region));
  const problems: string[] = [];
  for (const stack of stacks) {
    if (disclosed.has(stack.region)) continue;
    const holding = resources(stack.template).filter(([, r]) => !DATA_FREE_TYPES.has(r.Type));
    if (holding.length === 0) continue;
    const shown = holding.slice(0, 3).map(([id, r]) => `${id} (${r.Type})`).join(', ');
    problems.push(
      `${stack.name}: deploys to region "${stack.region}" but the disclosure says the sites are hosted in ` +
        `${[...disclosed].join(', ')}; it holds ${shown}${holding.length > 3 ? ', …' : ''}. ` +
        `Pin the stack to the disclosed region (estate config "region") or correct the disclosure.`,
    );
  }
  return problems;
}
