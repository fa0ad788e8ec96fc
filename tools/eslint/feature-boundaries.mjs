// The import rules of the README's Architecture section, as one ESLint rule:
// - API (apps/api/src): a feature reaches another only through its barrel (`../<feature>`, its index.ts: the Nest
//   module and what that module exports). An entity may import another feature's entity for a TypeORM relation.
//   Cross-cutting `common/` imports no feature; `database/` may import entities (the entity list, migrations); the
//   composition root (files directly in src/) may import a feature's `*.module`.
// - Web (apps/web/src): app → features → shared (components, lib, config, hooks, testing, locales, styles); no
//   feature imports another feature; shared code imports no feature and nothing from app; features nothing from app.
import path from 'node:path';

const API_SHARED = new Set(['common', 'config', 'database']);
const WEB_SHARED = new Set(['components', 'lib', 'config', 'hooks', 'testing', 'locales', 'styles', 'types']);

/** Folder path of the repo root, from this file's place (tools/eslint/). */
const ROOT = path.resolve(import.meta.dirname, '../..');

function resolveTarget(file, source) {
  if (source.startsWith('.')) return path.resolve(path.dirname(file), source);
  if (source.startsWith('@/') && file.includes(`${path.sep}apps${path.sep}web${path.sep}`)) {
    return path.join(ROOT, 'apps/web/src', source.slice(2));
  }
  return null;
}

/** [area, first folder, rest] of a path inside apps/api/src or apps/web/src, or null outside them. */
function place(absolute) {
  const rel = path.relative(ROOT, absolute).split(path.sep).join('/');
  for (const [area, prefix] of [
    ['api', 'apps/api/src/'],
    ['web', 'apps/web/src/'],
  ]) {
    if (!rel.startsWith(prefix)) continue;
    const parts = rel.slice(prefix.length).split('/');
    return { area, parts };
  }
  return null;
}

const stripExt = (p) => p.replace(/\.(tsx?|mjs|js)$/, '');

function apiProblem(from, to, file, target) {
  const fromTop = from.parts.length > 1 ? from.parts[0] : null; // null: a root file such as app.module.ts
  const toTop = to.parts.length > 1 || !/\.[a-z]+$/.test(to.parts[0]) ? to.parts[0] : null;
  if (!toTop || toTop === fromTop || API_SHARED.has(toTop)) return null;
  if (fromTop === 'common') return `common code imports no feature (it imports "${toTop}")`;
  const barrel = to.parts.length === 1 || (to.parts.length === 2 && stripExt(to.parts[1]) === 'index');
  if (barrel) return null;
  const targetName = stripExt(target);
  if (/\.entity$/.test(targetName) && (/\.entity\.ts$/.test(file) || fromTop === 'database')) return null;
  if (fromTop === 'database' && to.parts.includes('migrations')) return null;
  // The composition root (app.module.ts and its neighbours) may register a feature's second Nest module, one kept
  // out of the barrel because it sits above features that depend on the barrel (cohorts' route module).
  if (fromTop === null && /\.module$/.test(targetName)) return null;
  return `import "${toTop}" through its barrel ('../${toTop}'), not a file inside it`;
}

function webLayer(parts) {
  if (parts[0] === 'features') return { layer: 'feature', name: parts[1] };
  if (parts[0] === 'app' || parts.length === 1) return { layer: 'app' };
  if (WEB_SHARED.has(parts[0])) return { layer: 'shared' };
  return { layer: 'app' };
}

function webProblem(from, to) {
  const a = webLayer(from.parts);
  const b = webLayer(to.parts);
  if (b.layer === 'app' && to.parts[0] === 'app' && a.layer !== 'app')
    return `${a.layer} code imports nothing from app/`;
  if (b.layer === 'feature') {
    if (a.layer === 'shared') return `shared code imports no feature (it imports features/${b.name})`;
    if (a.layer === 'feature' && a.name !== b.name) {
      return `feature "${a.name}" imports feature "${b.name}": compose them in a route, or move the shared part to components/ or lib/`;
    }
  }
  return null;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'FirstLine import boundaries between features and layers (README, Architecture)' },
    schema: [],
    messages: { boundary: '{{problem}}' },
  },
  create(context) {
    const file = context.filename;
    const from = place(file);
    if (!from) return {};
    function check(node) {
      const source = node.source?.value;
      if (typeof source !== 'string') return;
      const target = resolveTarget(file, source);
      if (!target) return;
      const to = place(target);
      if (!to || to.area !== from.area) return;
      const problem = from.area === 'api' ? apiProblem(from, to, file, target) : webProblem(from, to);
      if (problem) context.report({ node: node.source, messageId: 'boundary', data: { problem } });
    }
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};
