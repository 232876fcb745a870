import { PrivacyDiff } from './diff';

export const NO_CHANGE = 'no change to what the policy promises';

export interface ReportSides {
  /** How the base and head were obtained, e.g. `HEAD~1` and `working tree`. */
  readonly base: string;
  readonly head: string;
  /** Facts about the synth a reviewer should know (a side that failed its checks). */
  readonly notes?: readonly string[];
}

/** The Markdown a reviewer reads: one line per change, then the privacy page's text diff. */
export function renderMarkdown(diff: PrivacyDiff, sides: ReportSides): string {
  const out = [`## Privacy diff: ${sides.base} → ${sides.head}`, ''];
  for (const note of sides.notes ?? []) out.push(`> ${note}`, '');
  if (diff.changes.length === 0 && diff.disclosureDiff.length === 0) {
    out.push(NO_CHANGE, '');
    return out.join('\n');
  }
  if (diff.changes.length === 0) out.push('No change to the templates; the privacy page text changed.', '');
  for (const c of diff.changes) out.push(`- **${c.effect}** ${c.text}`);
  if (diff.changes.length > 0) out.push('');
  if (diff.disclosureDiff.length > 0) {
    out.push('### Privacy page (generated at synth)', '', '```diff', ...diff.disclosureDiff, '```', '');
  }
  return out.join('\n');
}

/** The same for machines. */
export function renderJson(diff: PrivacyDiff, sides: ReportSides): string {
  const summary = diff.changes.length === 0 && diff.disclosureDiff.length === 0 ? NO_CHANGE : undefined;
  return `${JSON.stringify({ base: sides.base, head: sides.head, notes: sides.notes ?? [], ...(summary ? { summary } : {}), ...diff }, null, 2)}\n`;
}
