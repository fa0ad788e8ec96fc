// Build step: a CommonJS copy of the `mrz` package (ESM-only) in dist/vendor/mrz, transpiled from the installed,
// pinned version. Consumers that load forge through Jest's CommonJS runtime (which cannot require ES modules)
// then work without any configuration; Node itself could load the ESM original.
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

// The package exports only its entry point (lib/index.js): the package folder is two levels up.
const pkgDir = path.dirname(path.dirname(require.resolve('mrz', { paths: [__dirname] })));
const src = path.join(pkgDir, 'lib');
const out = path.join(__dirname, '..', 'dist', 'vendor', 'mrz');
const version = require(path.join(pkgDir, 'package.json')).version;

function walk(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

fs.rmSync(out, { recursive: true, force: true });
let n = 0;
for (const file of walk(src).filter((f) => f.endsWith('.js'))) {
  const code = fs.readFileSync(file, 'utf8');
  const js = ts.transpileModule(code, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    fileName: file,
  }).outputText;
  const target = path.join(out, path.relative(src, file));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, js.replace(/\/\/# sourceMappingURL=.*$/m, ''));
  n++;
}
fs.writeFileSync(
  path.join(out, 'package.json'),
  JSON.stringify({ name: 'mrz-vendored', version, type: 'commonjs', main: 'index.js' }, null, 2) + '\n',
);
fs.copyFileSync(path.join(pkgDir, 'LICENSE'), path.join(out, 'LICENSE'));
console.log(`vendored mrz ${version} as CommonJS (${n} files) in dist/vendor/mrz`);
