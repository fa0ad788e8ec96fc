// Lets a child process run the API's TypeScript sources as the test suites do (jest compiles them with swc): the
// image worker, forked from src/ in a test, loads its .ts modules through this hook, with jest's swc settings.
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = function compile(module, filename) {
  const source = require('node:fs').readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    filename,
    sourceMaps: 'inline',
    swcrc: false,
    ...require('./swc-options.cjs'),
  });
  module._compile(code, filename);
};
