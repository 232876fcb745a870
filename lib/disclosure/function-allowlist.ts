import { parse } from 'acorn';
import { Node, walk } from '../privacy/checks/code';

/**
 * The cookie names a compiled cookie-filter function lets through: the keys of
 * the `allow` object in the policy literal the compile step bakes into the code
 * (an object with `allow`, `legacy` and `parent` keys). `undefined` when the code
 * holds no such literal, so the caller can say it could not read the function.
 */
export function functionAllowlist(code: string): string[] | undefined {
  const allow = allowObject(code);
  return allow && (allow.properties as Node[]).map(keyName).filter((k): k is string => k !== undefined);
}

/** What the edge enforces per allowed cookie: `h` forces HttpOnly, `m` caps Max-Age in seconds (null: session only). */
export interface FunctionCookieRule {
  readonly httpOnly?: boolean;
  readonly maxAgeSeconds?: number | null;
}

/** The allowed cookies with the attributes the baked policy enforces; `undefined` as for functionAllowlist. */
export function functionCookieRules(code: string): Record<string, FunctionCookieRule> | undefined {
  const allow = allowObject(code);
  if (!allow) return undefined;
  const rules: Record<string, FunctionCookieRule> = {};
  for (const p of allow.properties as Node[]) {
    const name = keyName(p);
    if (name === undefined) continue;
    const fields = p.value?.type === 'ObjectExpression' ? (p.value.properties as Node[]) : [];
    const value = (key: string) => constant(fields.find((f) => keyName(f) === key)?.value);
    const h = value('h');
    const m = value('m');
    rules[name] = {
      ...(typeof h === 'boolean' ? { httpOnly: h } : {}),
      ...(m === null || typeof m === 'number' ? { maxAgeSeconds: m } : {}),
    };
  }
  return rules;
}

function allowObject(code: string): Node | undefined {
  const ast = parse(code, { ecmaVersion: 'latest' }) as unknown as Node;
  let found: Node | undefined;
  walk(ast, (node) => {
    if (found || node.type !== 'ObjectExpression') return;
    const props = (node.properties as Node[]).filter((p) => p.type === 'Property');
    const byKey = new Map(props.map((p) => [keyName(p), p]));
    if (!byKey.has('allow') || !byKey.has('legacy') || !byKey.has('parent')) return;
    const allow = byKey.get('allow')!.value as Node;
    if (allow.type === 'ObjectExpression') found = allow;
  });
  return found;
}

/** A literal as the minifier writes it (`!0` is true, `31536e3` a number); `undefined` for anything else. */
function constant(node: Node | undefined): unknown {
  if (!node) return undefined;
  if (node.type === 'Literal') return node.value;
  if (node.type === 'UnaryExpression' && node.operator === '!') {
    const v = constant(node.argument);
    return v === undefined ? undefined : !v;
  }
  return undefined;
}

function keyName(p: Node): string | undefined {
  if (p.computed) return undefined;
  if (p.key.type === 'Identifier') return p.key.name;
  if (p.key.type === 'Literal') return String(p.key.value);
  return undefined;
}
