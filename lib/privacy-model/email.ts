import { referencedId, resources } from '../disclosure/templates';
import { AssemblyStack, pathOf } from './assembly';
import { EmailFact } from './types';

/** SES event types that watch whether a person read or clicked an email. */
const TRACKING_EVENTS = ['open', 'click'];

/**
 * Email tracking as the templates set it: per SES configuration set, whether
 * engagement metrics are off, a tracking (redirect) domain is set, or open/click
 * events are published; per SES identity, which configuration set it sends through.
 */
export function readEmail(stacks: readonly AssemblyStack[]): EmailFact[] {
  const facts: EmailFact[] = [];
  for (const stack of stacks) {
    const t = stack.template;
    const events = new Map<string, string[]>();
    for (const [, r] of resources(t, 'AWS::SES::ConfigurationSetEventDestination')) {
      const set = referencedId(r.Properties?.ConfigurationSetName);
      const types: string[] = (r.Properties?.EventDestination?.MatchingEventTypes ?? []).map((e: unknown) => String(e).toLowerCase());
      const tracking = types.filter((e) => TRACKING_EVENTS.includes(e));
      if (set && tracking.length > 0) events.set(set, [...(events.get(set) ?? []), ...tracking]);
    }
    for (const [id, r] of resources(t, 'AWS::SES::ConfigurationSet')) {
      const p = r.Properties ?? {};
      const on: string[] = [];
      if (p.VdmOptions?.DashboardOptions?.EngagementMetrics !== 'DISABLED') on.push('engagement metrics not disabled');
      if (p.TrackingOptions?.CustomRedirectDomain) on.push(`tracking domain ${p.TrackingOptions.CustomRedirectDomain}`);
      const published = events.get(id);
      if (published) on.push(`${[...new Set(published)].sort().join(' and ')} events published`);
      facts.push({ name: pathOf(stack, id), tracking: on.length === 0 ? 'no tracking' : on.join('; ') });
    }
    for (const [id, r] of resources(t, 'AWS::SES::EmailIdentity')) {
      const set = r.Properties?.ConfigurationSetAttributes?.ConfigurationSetName;
      const setId = referencedId(set);
      const through = setId ? pathOf(stack, setId) : typeof set === 'string' ? set : undefined;
      facts.push({ name: pathOf(stack, id), tracking: through ? `sends through ${through}` : 'sends through no configuration set (account defaults apply)' });
    }
  }
  return facts;
}
