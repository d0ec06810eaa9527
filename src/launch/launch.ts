/**
 * dist/cli.js and dist/index.js, what node starts (`serviceentry-guard`, the runner): sets node up (see
 * node-relaunch), then runs the bundle the build names for each, dist/cli-main.js or dist/action-main.js. Kept
 * apart from those bundles so that a second start of node reads no more than this file first.
 */
import { relaunchWithSmallYoungGeneration } from '../adapters/node-relaunch.js';

relaunchWithSmallYoungGeneration();
// The build keeps this import out of this file and points it at the bundle beside it (rollup.config.js).
await import('./main.js');
