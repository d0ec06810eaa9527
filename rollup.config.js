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

// What node starts (the runner, `serviceentry-guard`): a few lines that may start node again with a smaller young
// generation (src/adapters/node-relaunch.ts), then import `./main.js`, which the build leaves out and points at the
// bundle written beside each. One build, two outputs: each build pays TypeScript's start (several seconds).
const toBundle = (bundle) => (id) => (id.endsWith('/main.js') ? `./${bundle}` : id);
const launchers = {
  input: 'src/launch/launch.ts',
  external: (id, importer) => id === './main.js' && importer !== undefined && importer.endsWith('launch.ts'),
  output: [
    { file: 'dist/cli.js', format: 'es', banner: '#!/usr/bin/env node', paths: toBundle('cli-main.js') },
    { file: 'dist/index.js', format: 'es', paths: toBundle('action-main.js') },
  ],
  plugins: plugins(),
  onwarn,
};

export default [
  launchers,
  { input: 'src/action/main.ts', output: { file: 'dist/action-main.js', format: 'es', inlineDynamicImports: true }, plugins: plugins(), onwarn },
  // The CLI's review loads the CRD validator (and the CEL runtime in it) when it needs it, from a chunk beside the bundle.
  { input: 'src/cli/main.ts', output: { dir: 'dist', entryFileNames: 'cli-main.js', chunkFileNames: 'cli-[name].js', format: 'es' }, plugins: plugins(), onwarn },
  // What load workers run (both bundles above start it from beside themselves): the loader alone, quick to start.
  { input: 'src/adapters/load/load-worker-main.ts', output: { file: 'dist/load-worker.js', format: 'es', inlineDynamicImports: true }, plugins: plugins(), onwarn },
];
