// What launch.ts imports: the bundle beside each launcher (dist/cli-main.js or dist/action-main.js), which the
// build names (rollup.config.js). It runs when imported and exports nothing.
export {};
