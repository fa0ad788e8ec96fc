// How the API's TypeScript is compiled for tests: by jest (jest.config.js) and by child processes started from the
// sources (ts-register.cjs).
module.exports = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
};
