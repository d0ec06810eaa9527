#!/usr/bin/env node
/**
 * Node 24's V8 lets each semi-space of the young generation grow to 64 MB on this machine, where Node 20 and 22
 * stop at 16 MB (`v8.getHeapStatistics().heap_size_limit` is 144 MB larger, three semi-spaces' worth, and
 * equal to Node 20's with `--max-semi-space-size=16`). A large repository fills that room with objects that
 * live on anyway. At 100k entries, alternated with and without the flag (bench/compare-builds.mjs, Node 24.21.0),
 * `check` peaked at 315–353 MB instead of 448–487 MB (the Sidecars shape 390–396 instead of 529–555) and a
 * review at 420–502 MB instead of 537–660 MB, for 3–11% more time: Node 20's and 22's young generation, at
 * their cost. The flag is read only when node starts: set later (`v8.setFlagsFromString`) it does not take.
 * So the CLI and the action start node again with it, in the same process (`process.execve`: same pid, same
 * standard streams, nothing left behind), before their bundles are even read; that costs about 20–30 ms.
 */
const SEMI_SPACE_MB = 16;
const FLAG = '--max-semi-space-size';
/** Flags that already decide the young generation's size (V8 reads `_` and `-` alike). */
const SIZING_FLAGS = [FLAG, '--max_semi_space_size', '--max-heap-size', '--max_heap_size'];
/** Set to `0` to run on as started (no second start). */
const RELAUNCH_ENV = 'SERVICEENTRY_GUARD_RELAUNCH';
/** The first Node major whose default young generation is larger than SEMI_SPACE_MB (measured: 20 and 22 are not, 24 is). */
const FIRST_LARGER_DEFAULT = 24;
/** The arguments to start node again with, or undefined when this start is already right (or cannot be redone). */
function relaunchArguments(start) {
    if (!start.canReplace || start.env[RELAUNCH_ENV] === '0')
        return undefined;
    if (Number(start.nodeVersion.replace(/^v/, '').split('.')[0]) < FIRST_LARGER_DEFAULT)
        return undefined;
    const given = [...start.execArgv, ...(start.env.NODE_OPTIONS ?? '').split(/\s+/)];
    if (given.some((arg) => SIZING_FLAGS.some((flag) => arg === flag || arg.startsWith(`${flag}=`))))
        return undefined;
    // The flag first: node's own options (a profiler, --import) follow as they were given, then the script and its arguments.
    return [start.execPath, `${FLAG}=${SEMI_SPACE_MB}`, ...start.execArgv, ...start.argv.slice(1)];
}
/** Starts node again with the smaller young generation when it needs one; returns only when it does not (or cannot). */
function relaunchWithSmallYoungGeneration() {
    const replace = process.execve;
    const args = relaunchArguments({
        execPath: process.execPath,
        execArgv: process.execArgv,
        argv: process.argv,
        env: process.env,
        nodeVersion: process.version,
        canReplace: typeof replace === 'function',
    });
    if (!args)
        return;
    try {
        replace.call(process, process.execPath, args, process.env);
    }
    catch {
        // execve(2) failed and this process runs on unchanged: the same work, with Node's own young generation.
    }
}

/**
 * dist/cli.js and dist/index.js, what node starts (`serviceentry-guard`, the runner): sets node up (see
 * node-relaunch), then runs the bundle the build names for each, dist/cli-main.js or dist/action-main.js. Kept
 * apart from those bundles so that a second start of node reads no more than this file first.
 */
relaunchWithSmallYoungGeneration();
// The build keeps this import out of this file and points it at the bundle beside it (rollup.config.js).
await import('./cli-main.js');
