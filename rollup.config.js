import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';

// Two self-contained bundles: GitHub runs dist/index.js with no node_modules,
// and the CLI ships the same way so `node dist/cli.js` works from a clone.
const plugins = () => [
  typescript({ tsconfig: 'tsconfig.build.json' }),
  nodeResolve({ preferBuiltins: true, exportConditions: ['node'] }),
  commonjs(),
  json(),
];

export default [
  { input: 'src/action/main.ts', output: { file: 'dist/index.js', format: 'es', inlineDynamicImports: true }, plugins: plugins() },
  { input: 'src/cli/main.ts', output: { file: 'dist/cli.js', format: 'es', banner: '#!/usr/bin/env node', inlineDynamicImports: true }, plugins: plugins() },
];
