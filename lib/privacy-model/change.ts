/** What a change does to the promises: more data, kept longer or sent further is widening. */
export type Effect = 'widening' | 'narrowing' | 'neutral';

export interface Change {
  readonly effect: Effect;
  /** Which part of the model changed: region, site, cookie, store, destination, email, acknowledgement. */
  readonly category: string;
  /** One line in the policy's terms. */
  readonly text: string;
}

/** Pairs the entries of two lists by key: what was added, removed, and present on both sides. */
export function pair<T>(base: readonly T[], head: readonly T[], key: (item: T) => string) {
  const before = new Map(base.map((x) => [key(x), x]));
  const after = new Map(head.map((x) => [key(x), x]));
  return {
    added: [...after].filter(([k]) => !before.has(k)).map(([, x]) => x),
    removed: [...before].filter(([k]) => !after.has(k)).map(([, x]) => x),
    both: [...after].filter(([k]) => before.has(k)).map(([k, x]) => [before.get(k)!, x] as const),
  };
}

/** Orders days for comparison: session cookies and numbers; a never-expiring value is the longest. */
export function compareDays(a: number | string | undefined, b: number | string | undefined): number {
  const rank = (v: number | string | undefined) => (v === 'session' ? 0 : typeof v === 'number' ? v : v === undefined ? NaN : Infinity);
  const d = rank(b) - rank(a);
  return Number.isNaN(d) ? 0 : Math.sign(d);
}
