import { Change, Effect } from './change';
import { diffAcknowledgements, diffDestinations, diffEmail, diffStores } from './diff-data';
import { diffCookies, diffRegionsAndSites } from './diff-edge';
import { diffPolicyCeilings } from './diff-policy';
import { lineDiff } from './text-diff';
import { PrivacyModel } from './types';

export interface PrivacyDiff {
  /** One line per change: the policy's ceilings first, then widening, narrowing, neutral. */
  readonly changes: readonly Change[];
  /** The generated privacy page's text diff (`-`/`+`/context lines); empty when unchanged. */
  readonly disclosureDiff: readonly string[];
}

const ORDER: Record<Effect, number> = { widening: 0, narrowing: 1, neutral: 2 };

export function diffModels(base: PrivacyModel, head: PrivacyModel): PrivacyDiff {
  const policy = diffPolicyCeilings(base, head);
  const changes = [
    ...diffRegionsAndSites(base, head),
    ...diffCookies(base, head),
    ...diffStores(base, head),
    ...diffDestinations(base, head),
    ...diffEmail(base, head),
    ...diffAcknowledgements(base, head),
  ];
  // A stable sort: within one effect, changes keep the model's order (regions, sites, cookies, …).
  const ordered = changes.map((c, i) => ({ c, i })).sort((a, b) => ORDER[a.c.effect] - ORDER[b.c.effect] || a.i - b.i).map((x) => x.c);
  // The policy's own ceilings come first: a change of the promise is read before what it allows.
  return { changes: [...policy, ...ordered], disclosureDiff: lineDiff(base.disclosurePage ?? [], head.disclosurePage ?? []) };
}
