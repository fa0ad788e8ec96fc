// Response schemas must reach the api client as `schema: import.meta.env.DEV ? Schema : undefined`: the build
// folds that to `undefined`, and only then do the schemas (and zod) stay out of the production bundle of every
// screen that calls the API. A plain `schema: Schema` works just as well in development, so nothing else notices.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const sources = import.meta.glob<string>(['/src/**/*.{ts,tsx}', '!/src/**/*.test.{ts,tsx}', '!/src/testing/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

const isDevOnly = (node: ts.Expression) =>
  ts.isConditionalExpression(node) && node.condition.getText() === 'import.meta.env.DEV' && node.whenFalse.getText() === 'undefined';

function schemaOptions(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    const named = (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) && node.name.getText() === 'schema';
    if (named && !(ts.isPropertyAssignment(node) && isDevOnly(node.initializer))) {
      found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}  ${node.getText()}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('response schemas', () => {
  it('are passed to the api client only in development builds', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(50);
    expect(Object.entries(sources).flatMap(([file, text]) => schemaOptions(file, text))).toEqual([]);
  });
});
