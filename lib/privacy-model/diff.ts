import { Change, Effect } from './change';
import { diffAcknowledgements, diffDestinations, diffEmail, diffStores } from './diff-data';
import { diffCookies, diffRegionsAndSites } from './diff-edge';
import { lineDiff } from './text-diff';
import { PrivacyModel } from './types';

export interface PrivacyDiff {
  /** One line per change, widening first. */
  readonly changes: readonly Change[];
  /** The generated privacy page's text diff (`-`/`+`/context lines); empty when unchanged. */
  readonly disclosureDiff: readonly string[];
}

const ORDER: Record<Effect, number> = { widening: 0, narrowing: 1, neutral: 2 };

export function diffModels(base: PrivacyModel, head: PrivacyModel): PrivacyDiff {
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
  return { changes: ordered, disclosureDiff: lineDiff(base.disclosurePage ?? [], head.disclosurePage ?? []) };
}
