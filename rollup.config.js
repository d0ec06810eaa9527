import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';

// Self-contained bundles: GitHub runs dist/index.js with no node_modules,
// and the CLI ships the same way so `node dist/cli.js` works from a clone.
const plugins = () => [
  typescript({ tsconfig: 'tsconfig.build.json' }),
  nodeResolve({ preferBuiltins: true, exportConditions: ['node'] }),
  commonjs(),
  json(),
];

// Dependencies' own circular imports and top-level `this` are theirs and harmless in a bundle;
// anything about our sources still prints.
const onwarn = (warning, warn) => {
  const inDependency = (warning.ids ?? [warning.id ?? '']).every((id) => id.includes('node_modules'));
  if ((warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') && inDependency) return;
  warn(warning);
};

export default [
  { input: 'src/action/main.ts', output: { file: 'dist/index.js', format: 'es', inlineDynamicImports: true }, plugins: plugins(), onwarn },
  { input: 'src/cli/main.ts', output: { file: 'dist/cli.js', format: 'es', banner: '#!/usr/bin/env node', inlineDynamicImports: true }, plugins: plugins(), onwarn },
  // What load workers run (both bundles above start it from beside themselves): the loader alone, quick to start.
  { input: 'src/adapters/load/load-worker-main.ts', output: { file: 'dist/load-worker.js', format: 'es', inlineDynamicImports: true }, plugins: plugins(), onwarn },
];
