/**
 * A line diff of two texts, as `-`/`+` lines with a line of context each side of a
 * change (`  `), from the longest common subsequence. The privacy page is about a
 * hundred lines, so the quadratic table is small.
 */
export function lineDiff(before: readonly string[], after: readonly string[], context = 1): string[] {
  const n = before.length;
  const m = after.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i][j] = before[i] === after[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  const ops: Array<{ op: ' ' | '-' | '+'; line: string }> = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) {
      ops.push({ op: ' ', line: before[i++] });
      j++;
    } else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) ops.push({ op: '-', line: before[i++] });
    else ops.push({ op: '+', line: after[j++] });
  }
  const keep = ops.map((o, k) => o.op !== ' ' || ops.slice(Math.max(0, k - context), k + context + 1).some((x) => x.op !== ' '));
  const out: string[] = [];
  ops.forEach((o, k) => {
    if (keep[k]) out.push(`${o.op} ${o.line}`);
    else if (k > 0 && keep[k - 1]) out.push('  …');
  });
  return out.some((l) => l[0] === '-' || l[0] === '+') ? out : [];
}
