import { parse } from 'acorn';

/**
 * Syntax the cloudfront-js-2.0 runtime documents beyond ES 5.1: const/let,
 * arrow functions, template literals, rest parameters, `**`, async/await.
 * Anything else parsed from ES2015+ (classes, for-of, destructuring, spread,
 * default parameters, shorthand or computed properties, generators, optional
 * chaining, `??`, regex flags beyond g/i/m) is reported, with its position.
 */
export function unsupportedSyntax(code: string): string[] {
  const ast = parse(code, { ecmaVersion: 2022, sourceType: 'script', locations: true }) as unknown as Node;
  const found: string[] = [];
  const report = (n: Node, what: string) => found.push(`${what} at line ${n.loc.start.line}:${n.loc.start.column}`);
  walk(ast, (n) => {
    switch (n.type) {
      case 'ClassDeclaration':
      case 'ClassExpression':
      case 'ForOfStatement':
      case 'ObjectPattern':
      case 'ArrayPattern':
      case 'AssignmentPattern':
      case 'SpreadElement':
      case 'ChainExpression':
      case 'TaggedTemplateExpression':
      case 'MetaProperty':
      case 'ImportExpression':
      case 'YieldExpression':
        report(n, n.type);
        break;
      case 'LogicalExpression':
      case 'AssignmentExpression':
        if (n.operator === '??' || n.operator === '??=' || n.operator === '||=' || n.operator === '&&=') report(n, `operator ${n.operator}`);
        break;
      case 'FunctionDeclaration':
      case 'FunctionExpression':
        if (n.generator) report(n, 'generator function');
        break;
      case 'Property':
        if (n.shorthand) report(n, 'shorthand property');
        if (n.computed) report(n, 'computed property');
        if (n.method || n.kind !== 'init') report(n, 'method or accessor property');
        break;
      case 'Literal':
        if (n.regex && /[^gim]/.test(n.regex.flags)) report(n, `regex flag /${n.regex.flags}`);
        if (n.regex && /\(\?<[=!]|\(\?<[A-Za-z]/.test(n.regex.pattern)) report(n, 'regex lookbehind or named group');
        if (typeof n.bigint === 'string') report(n, 'BigInt literal');
        break;
    }
  });
  return found;
}

interface Node {
  type: string;
  loc: { start: { line: number; column: number } };
  [key: string]: any;
}

function walk(node: Node, visit: (n: Node) => void): void {
  visit(node);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) {
      for (const v of value) if (v && typeof v.type === 'string') walk(v, visit);
    } else if (value && typeof value === 'object' && typeof value.type === 'string' && value !== node.loc) {
      walk(value, visit);
    }
  }
}
