import { parse } from 'acorn';
import { Node, walk } from '../checks/code';

/**
 * The cookie names a compiled cookie-filter function lets through: the keys of
 * the `allow` object in the policy literal the compile step bakes into the code
 * (an object with `allow`, `legacy` and `parent` keys). `undefined` when the code
 * holds no such literal, so the caller can say it could not read the function.
 */
export function functionAllowlist(code: string): string[] | undefined {
  const ast = parse(code, { ecmaVersion: 'latest' }) as unknown as Node;
  let found: string[] | undefined;
  walk(ast, (node) => {
    if (found || node.type !== 'ObjectExpression') return;
    const props = (node.properties as Node[]).filter((p) => p.type === 'Property');
    const byKey = new Map(props.map((p) => [keyName(p), p]));
    if (!byKey.has('allow') || !byKey.has('legacy') || !byKey.has('parent')) return;
    const allow = byKey.get('allow')!.value as Node;
    if (allow.type !== 'ObjectExpression') return;
    found = (allow.properties as Node[]).map(keyName).filter((k): k is string => k !== undefined);
  });
  return found;
}

function keyName(p: Node): string | undefined {
  if (p.computed) return undefined;
  if (p.key.type === 'Identifier') return p.key.name;
  if (p.key.type === 'Literal') return String(p.key.value);
  return undefined;
}
