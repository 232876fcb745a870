import { Change, Effect } from './change';
import { PrivacyModel } from './types';

/** Ceilings where a larger number lets more be kept for longer. */
const NUMERIC = new Set(['maxLogRetentionDays', 'maxBackupRetentionDays']);

/**
 * A change of the privacy policy's own ceilings (privacy-policy.ts): a change of
 * the promise itself, listed before anything the templates do.
 */
export function diffPolicyCeilings(base: PrivacyModel, head: PrivacyModel): Change[] {
  const before = base.policyCeilings ?? {};
  const after = head.policyCeilings ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys
    .filter((k) => before[k] !== after[k])
    .map((k) => ({
      effect: effectOf(k, before[k], after[k]),
      category: 'policy',
      text: `privacy policy ceiling ${k}: ${before[k] ?? '(not recorded)'} → ${after[k] ?? '(not recorded)'} (privacy-policy.ts; the policy owner's review)`,
    }));
}

function effectOf(key: string, before: string | undefined, after: string | undefined): Effect {
  if (before === undefined || after === undefined) return 'neutral';
  if (NUMERIC.has(key)) return Number(after) > Number(before) ? 'widening' : 'narrowing';
  const b = new Set(before.split(', '));
  const a = new Set(after.split(', '));
  if ([...a].some((x) => !b.has(x))) return 'widening';
  return [...b].some((x) => !a.has(x)) ? 'narrowing' : 'neutral';
}
