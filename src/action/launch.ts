/**
 * dist/index.js, what the runner starts: sets node up (see node-relaunch), then runs the action from
 * dist/action-main.js beside it. Kept apart from the action's bundle so that a second start of node reads no
 * more than this file first.
 */
import { relaunchWithSmallYoungGeneration } from '../adapters/node-relaunch.js';

relaunchWithSmallYoungGeneration();
// The build keeps this import out of this file and points it at the bundle beside it (rollup.config.js).
await import('./main.js');
