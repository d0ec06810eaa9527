/** One worker of bench/parse-in-workers.ts: loads its share of the files and posts the results back. */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { loadSourceFile } from '../../src/core/load/load-sources.js';
import type { LoadResult } from '../../src/core/model.js';

const { paths } = workerData as { paths: string[] };
const results: LoadResult[] = paths.map((path) => loadSourceFile({ path, text: readFileSync(path, 'utf8') }, { defaultNamespace: 'default' }));
parentPort!.postMessage(results);
