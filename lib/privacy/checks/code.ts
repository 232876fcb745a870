import { parse } from 'acorn';

/** An ESTree node as acorn returns it. */
export interface Node {
  readonly type: string;
  readonly [key: string]: any;
}

/** The code's syntax tree (script first, then module: a key value store import is module syntax); undefined when it does not parse. */
export function parseCode(code: string): Node | undefined {
  for (const sourceType of ['script', 'module'] as const) {
    try {
      return parse(code, { ecmaVersion: 'latest', sourceType }) as unknown as Node;
    } catch {
      // try the next source type
    }
  }
  return undefined;
}

/** Visits every node of a syntax tree, depth first. */
export function walk(node: Node, visit: (n: Node) => void): void {
  visit(node);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) {
      for (const v of value) if (v && typeof v.type === 'string') walk(v, visit);
    } else if (value && typeof value === 'object' && typeof value.type === 'string') {
      walk(value, visit);
    }
  }
}

/**
 * True when the code can write a log line: a `console.log` member access in
 * any spelling (`console.log`, `console['log']`, `console?.log`), or `console`
 * used other than as the object of a member access (aliased or passed on,
 * which a reader cannot follow). Comments and strings are not code, so a
 * `console.log` inside them is not counted.
 */
export function callsConsoleLog(ast: Node): boolean {
  let found = false;
  const asObject = new Set<Node>();
  walk(ast, (n) => {
    if (n.type !== 'MemberExpression' || n.object.type !== 'Identifier' || n.object.name !== 'console') return;
    asObject.add(n.object);
    const name = n.computed ? (n.property.type === 'Literal' ? n.property.value : undefined) : n.property.name;
    // A computed name that is not a literal could be 'log'.
    if (name === 'log' || name === undefined) found = true;
  });
  walk(ast, (n) => {
    if (n.type === 'Identifier' && n.name === 'console' && !asObject.has(n)) found = true;
  });
  return found;
}
