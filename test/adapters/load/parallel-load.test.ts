import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { loadSourceFile } from '../../../src/core/load/load-sources.js';
import type { SourceFile } from '../../../src/core/model.js';
import { sharedLoader } from '../../../src/core/analysis/analyze-meshes.js';
import { LOAD_WORKERS_ENV, loadInThreads, loadWorkerCount, loadWorkerScript, MIN_PARALLEL_CHARS, preloadFiles } from '../../../src/adapters/load/parallel-load.js';
import type { LoadReply } from '../../../src/adapters/load/load-worker.js';
import { decodeChunk } from '../../../src/adapters/load/entry-wire.js';
import { everyFixtureManifest, REPO_ROOT } from '../../helpers/fixtures.js';

const FROM_SOURCES = new URL('../../helpers/load-worker-from-sources.mjs', import.meta.url);
const THROWS = new URL('../../helpers/load-worker-that-throws.mjs', import.meta.url);
const DIES = new URL('../../helpers/load-worker-that-dies.mjs', import.meta.url);

const options = { defaultNamespace: 'team-a', workerScript: FROM_SOURCES, chunkChars: 1_000 };
const onThisThread = (files: readonly SourceFile[]) => files.map((file) => loadSourceFile(file, { defaultNamespace: 'team-a' }));

describe('loading in worker threads', () => {
  const files = everyFixtureManifest();

  it('has enough fixture files to split into many chunks', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it.each([1, 2])('gives every file exactly what this thread would load, in order, with %i worker(s)', async (workers) => {
    const loaded = await loadInThreads(files, { ...options, workers });
    expect(loaded.failedWorkers).toBe(0);
    expect(loaded.chunks).toBeGreaterThan(20);
    // The workers did part of the work, so the comparison below covers what a clone brings back.
    expect(loaded.chunksByWorkers).toBeGreaterThan(0);
    expect(loaded.parts).toStrictEqual(onThisThread(files));
  });

  it.each([2_000, 300])("shares a large file's parts among the threads and puts them together as this thread loads it (documents up to %i characters)", async (maxDocumentChars) => {
    // Cut small, every fixture is a large file: documents in groups, Lists in runs of items; past 300 characters a
    // document is too large to read whole, and a List loses only its items that do not read.
    const pieceLimits = { pieceChars: 200, maxDocumentChars };
    const cutHere = files.map((file) => loadSourceFile(file, { defaultNamespace: 'team-a', pieceLimits }));
    const loaded = await loadInThreads(files, { ...options, workers: 2, pieceLimits });
    expect(loaded.failedWorkers).toBe(0);
    expect(loaded.chunksByWorkers).toBeGreaterThan(0);
    expect(loaded.parts).toStrictEqual(cutHere);
    const broken = loaded.parts[files.findIndex((f) => f.path.endsWith('lists-read-in-runs/item-with-a-syntax-error.yaml'))]!;
    if (maxDocumentChars > 1_000) {
      // A run that did not read sent its List back to be read whole here, which loses it as a whole read does.
      expect(broken.entries).toEqual([]);
      expect(broken.diagnostics.map((d) => d.message)).toEqual([expect.stringContaining('this document is not analysed')]);
    } else {
      expect(broken.entries.map((e) => e.name)).toEqual(['mysql-prod', 'mysql-test']);
      expect(loaded.parts.some((part) => part.diagnostics.some((d) => d.code === 'document-too-large'))).toBe(true);
    }
  });

  it('loads every file on this thread when a worker cannot start', async () => {
    const loaded = await loadInThreads(files, { ...options, workers: 2, workerScript: THROWS });
    expect(loaded.failedWorkers).toBe(2);
    expect(loaded.chunksByWorkers).toBe(0);
    expect(loaded.parts).toStrictEqual(onThisThread(files));
  });

  it('takes back the chunks of a worker that dies halfway', async () => {
    const loaded = await loadInThreads(files, { ...options, workers: 1, workerScript: DIES });
    expect(loaded.failedWorkers).toBe(1);
    expect(loaded.chunksByWorkers).toBe(1);
    expect(loaded.parts).toStrictEqual(onThisThread(files));
  });

  it('preloads nothing below the size where workers pay, or without a script to start them from', async () => {
    const small = files.slice(0, 5);
    expect(small.reduce((n, f) => n + f.text.length, 0)).toBeLessThan(MIN_PARALLEL_CHARS);
    expect(await preloadFiles(small, { defaultNamespace: 'team-a', workerScript: FROM_SOURCES, workers: 1 })).toEqual([]);
    expect(await preloadFiles(files, { defaultNamespace: 'team-a', workerScript: undefined, workers: 1, minParallelChars: 0 })).toEqual([]);
    expect(await preloadFiles(files, { ...options, workers: 0, minParallelChars: 0 })).toEqual([]);
  });

  it('hands the shared loader what it would have parsed, for the same path, text and default namespace only', async () => {
    const preloaded = await preloadFiles(files, { ...options, workers: 1, minParallelChars: 0 });
    expect(preloaded.map((p) => p.file)).toEqual(files);
    const load = sharedLoader(undefined, preloaded);
    const file = files.find((f) => loadSourceFile(f, { defaultNamespace: 'team-a' }).entries.length > 0)!;
    const part = preloaded[files.indexOf(file)]!.part;
    expect(load([file], 'team-a').entries).toEqual(part.entries);
    expect(load([file], 'team-a').entries[0]).toBe(part.entries[0]);
    // Another default namespace or another text at the same path is parsed afresh.
    expect(load([file], 'team-b').entries[0]).not.toBe(part.entries[0]);
    expect(load([{ path: file.path, text: `${file.text}\n` }], 'team-a').entries[0]).not.toBe(part.entries[0]);
  });

  it('starts one worker per spare core, at most three, unless the environment says otherwise (at most sixteen)', () => {
    expect(loadWorkerCount({ workers: 2 }, { [LOAD_WORKERS_ENV]: '0' })).toBe(2);
    expect(loadWorkerCount({}, { [LOAD_WORKERS_ENV]: '0' })).toBe(0);
    expect(loadWorkerCount({}, { [LOAD_WORKERS_ENV]: '4' })).toBe(4);
    expect(loadWorkerCount({}, { [LOAD_WORKERS_ENV]: '500' })).toBe(16);
    const byCores = loadWorkerCount({}, {});
    expect(byCores).toBeGreaterThanOrEqual(0);
    expect(byCores).toBeLessThanOrEqual(3);
    // Not a number: the default, not NaN workers.
    expect(loadWorkerCount({}, { [LOAD_WORKERS_ENV]: 'many' })).toBe(byCores);
  });
});

describe('dist/load-worker.js', () => {
  it('is the load worker the CLI and the action start from beside themselves', async () => {
    for (const bundle of ['dist/cli-main.js', 'dist/action-main.js']) expect(loadWorkerScript(pathToFileURL(join(REPO_ROOT, bundle)))?.pathname).toBe(join(REPO_ROOT, 'dist/load-worker.js'));
    // A copy of the CLI on its own (as a pre-commit hook may hold it) runs without workers.
    expect(loadWorkerScript(pathToFileURL(join(REPO_ROOT, 'test/cli.js')))).toBeUndefined();

    const file = everyFixtureManifest().find((f) => f.path.includes('mysql-prod-test-dev-one-port'))!;
    const worker = new Worker(join(REPO_ROOT, 'dist/load-worker.js'));
    try {
      const reply = await new Promise<LoadReply>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage({ chunk: 7, files: [file], options: { defaultNamespace: 'team-a' } });
      });
      expect(reply.chunk).toBe(7);
      // Its entries travel encoded (entry-wire.ts), and come back as this thread loads them.
      expect(reply.loaded.parts[0]!.encoded).toBeGreaterThan(0);
      const parts = decodeChunk(reply.loaded, [file], new Map());
      expect(parts).toStrictEqual(onThisThread([file]));
      expect(parts[0]!.entries.length).toBeGreaterThan(0);
    } finally {
      await worker.terminate();
    }
  });
});
