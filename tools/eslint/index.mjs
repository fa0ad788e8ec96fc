// FirstLine's own ESLint rules.
import featureBoundaries from './feature-boundaries.mjs';

export default { meta: { name: 'eslint-plugin-firstline' }, rules: { 'feature-boundaries': featureBoundaries } };
