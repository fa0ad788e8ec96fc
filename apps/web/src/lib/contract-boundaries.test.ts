// Zod and the contract schemas stay out of the code every user downloads (the sign-in page) and out of the
// trainee screens; only instructor and admin screens, and the on-demand response check, load them. Two ways to
// break that type-check and work just as well, so they are caught here:
//  - a schema imported into the caller and returned from `contract(() => Schema)` instead of picked from its
//    parameter (`contract((c) => c.Schema)`);
//  - a value imported from '@firstline/contracts' (whose schemas need zod) or zod itself by a module those
//    screens load; the lists they need come from '@firstline/contracts/vocabulary'.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const sources = import.meta.glob<string>(['/src/**/*.{ts,tsx}', '!/src/**/*.test.{ts,tsx}', '!/src/testing/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

const parsed = new Map(
  Object.entries(sources).map(([file, text]) => [
    file,
    ts.createSourceFile(
      file,
      text,
      ts.ScriptTarget.Latest,
      true,
      file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
    ),
  ]),
);

function visitAll(source: ts.SourceFile, fn: (node: ts.Node) => void) {
  const visit = (node: ts.Node) => {
    fn(node);
    ts.forEachChild(node, visit);
  };
  visit(source);
}

/** Identifiers a function reads that are neither its parameters nor property names (`c.X`: X is a name). */
function outsideNames(fn: ts.ArrowFunction | ts.FunctionExpression): string[] {
  const params = new Set(fn.parameters.map((p) => p.name.getText()));
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAccessExpression(node)) return visit(node.expression);
    if (ts.isIdentifier(node) && !params.has(node.text)) found.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(fn.body);
  return found;
}

/** Modules a file imports at run time (type-only imports and dynamic import() left out). */
function valueImports(source: ts.SourceFile): string[] {
  return source.statements.flatMap((s) => {
    if (!(ts.isImportDeclaration(s) || ts.isExportDeclaration(s)) || !s.moduleSpecifier) return [];
    const specifier = (s.moduleSpecifier as ts.StringLiteral).text;
    if (ts.isImportDeclaration(s)) {
      const clause = s.importClause;
      if (clause?.isTypeOnly) return [];
      const named = clause?.namedBindings;
      const onlyTypes =
        clause && !clause.name && named && ts.isNamedImports(named) && named.elements.every((e) => e.isTypeOnly);
      return onlyTypes ? [] : [specifier];
    }
    if (s.isTypeOnly) return [];
    const named = s.exportClause;
    return named && ts.isNamedExports(named) && named.elements.every((e) => e.isTypeOnly) ? [] : [specifier];
  });
}

function resolve(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith('@/')) base = `/src/${specifier.slice(2)}`;
  else if (specifier.startsWith('.')) base = new URL(specifier, `file://${from}`).pathname;
  else return null;
  return [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((f) => parsed.has(f)) ?? null;
}

/** Every module loaded together with `roots`, each with the import chain that brings it in. */
function staticClosure(roots: string[]): Map<string, string[]> {
  const chains = new Map(roots.map((r) => [r, [r]]));
  const queue = [...roots];
  while (queue.length) {
    const file = queue.shift()!;
    for (const specifier of valueImports(parsed.get(file)!)) {
      const target = resolve(file, specifier);
      if (target && !chains.has(target)) {
        chains.set(target, [...chains.get(file)!, target]);
        queue.push(target);
      }
    }
  }
  return chains;
}

describe('contract boundaries', () => {
  it('response schemas are picked from the loaded contracts, never imported by the caller', () => {
    const calls: { where: string; outside: string[] }[] = [];
    for (const [file, source] of parsed) {
      visitAll(source, (node) => {
        if (!ts.isCallExpression(node) || node.expression.getText() !== 'contract') return;
        const [fn] = node.arguments;
        const where = `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
        calls.push({
          where,
          outside:
            fn && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) ? outsideNames(fn) : ['(not a function)'],
        });
      });
    }
    expect(calls.length).toBeGreaterThan(30);
    expect(calls.filter((c) => c.outside.length)).toEqual([]);
  });

  it('the sign-in page and the trainee screens load neither zod nor the schemas', () => {
    const roots = [
      '/src/main.tsx',
      '/src/app/routes/auth/login.tsx',
      ...[...parsed.keys()].filter((f) => f.startsWith('/src/app/routes/app/trainee/')),
    ];
    const closure = staticClosure(roots);
    expect(closure.size).toBeGreaterThan(40);
    const offending = [...closure].flatMap(([file, chain]) =>
      valueImports(parsed.get(file)!)
        .filter((s) => s === 'zod' || s === '@firstline/contracts')
        .map((s) => `${chain.join(' → ')} imports ${s}`),
    );
    expect(offending).toEqual([]);
  });
});
