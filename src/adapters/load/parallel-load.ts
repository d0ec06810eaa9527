/**
 * Parses a large repository's files in worker threads and this one at once.
 *
 * Parsing is most of a `check` (about as long as a bare js-yaml read of the
 * same files), and files parse independently, so on a machine with cores to
 * spare they are loaded ahead of the analysis: this thread and the workers
 * take chunks of files in turn, and what the workers load comes back encoded
 * (entry-wire.ts). The result seeds the shared loader (see `sharedLoader`),
 * which takes a preloaded file only for the same path, text and default
 * namespace, so a mesh whose settings differ still parses its files itself.
 *
 * A worker that fails (cannot start, throws, exits) costs speed, never a
 * file: its unfinished chunks go back to the queue this thread works through.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PreloadedFile } from '../../core/analysis/analyze-meshes.js';
import { finishParts, PIECE_LIMITS, type PartsPlan } from '../../core/load/file-parts.js';
import type { PieceLimits } from '../../core/load/file-pieces.js';
import { planFileLoad, type LoadOptions } from '../../core/load/load-sources.js';
import type { LoadResult, SourceFile } from '../../core/model.js';
import { decodeChunk, sharedString } from './entry-wire.js';
import { loadUnit, type LoadReply, type LoadRequest, type LoadUnit } from './load-worker.js';

export interface ParallelLoadOptions {
  defaultNamespace: string;
  maxFileBytes?: number;
  /**
   * The script a load worker runs (dist/load-worker.js beside the CLI and the action; see `loadWorkerScript`).
   * Without one nothing is preloaded and files parse on demand, on this thread.
   */
  workerScript: URL | undefined;
  /** Threads besides this one; by default LOAD_WORKERS_ENV, else one per core past the first, at most MAX_WORKERS. */
  workers?: number;
  /** Less text than this is loaded on demand, on this thread (default MIN_PARALLEL_CHARS). */
  minParallelChars?: number;
  /** Text per chunk handed to a thread (default CHUNK_CHARS). */
  chunkChars?: number;
  /** How files are cut into parts (PIECE_LIMITS by default; see LoadOptions). */
  pieceLimits?: PieceLimits;
}

/** How a load was shared out, for tests and the benchmark. */
export interface ThreadedLoad {
  /** Each file's load, in file order. */
  parts: LoadResult[];
  chunks: number;
  /** Chunks a worker loaded (the rest this thread did). */
  chunksByWorkers: number;
  /** Workers that could not start or stopped before their work was done. */
  failedWorkers: number;
}

/** Overrides the number of load workers (0 turns them off); the benchmark uses it to compare. */
export const LOAD_WORKERS_ENV = 'SERVICEENTRY_GUARD_LOAD_WORKERS';
/**
 * Below this much text workers do not pay: every entry a worker loads is copied back and its strings shared
 * again, on this thread, and that eats what the worker saved. Measured on 2 cores (one worker),
 * `check` of the bench's realistic repositories, wall clock without and with: 30k entries (9.7 MB) 2.65–2.76 s both
 * ways; 50k (16 MB) 4.6 → 4.1–4.2 s; 100k (32 MB) 9.5 → 7.8–8.2 s.
 */
export const MIN_PARALLEL_CHARS = 12_000_000;
const MAX_WORKERS = 3;
/** The most LOAD_WORKERS_ENV can ask for. */
const MAX_WORKERS_ASKED = 16;
/** Large enough that messages are few, small enough that threads finish together and a worker's heap stays small. */
const CHUNK_CHARS = 256 * 1024;
/** Chunks a worker holds at once: one to parse, one waiting, so it never idles while its reply travels. */
const IN_FLIGHT = 2;

/** dist/load-worker.js beside the running bundle, when it is there (a copy of the bundle alone runs without workers). */
export function loadWorkerScript(bundle: string | URL): URL | undefined {
  const script = new URL('./load-worker.js', bundle);
  return existsSync(script) ? script : undefined;
}

export function loadWorkerCount(options: Pick<ParallelLoadOptions, 'workers'>, env: NodeJS.ProcessEnv = process.env): number {
  if (options.workers !== undefined) return Math.max(0, Math.floor(options.workers));
  const fromEnv = env[LOAD_WORKERS_ENV];
  // Each worker holds its own heap: a mistyped count must not start hundreds.
  if (fromEnv !== undefined && /^\d+$/.test(fromEnv.trim())) return Math.min(Number(fromEnv.trim()), MAX_WORKERS_ASKED);
  return Math.min(MAX_WORKERS, Math.max(0, availableParallelism() - 1));
}

/**
 * Every file loaded with the given default namespace, or nothing when the files are too few to pay for workers
 * (or there is no worker script or no spare core): then the shared loader parses each file when first asked.
 */
export async function preloadFiles(files: readonly SourceFile[], options: ParallelLoadOptions): Promise<PreloadedFile[]> {
  const workers = options.workerScript ? loadWorkerCount(options) : 0;
  if (workers === 0 || totalChars(files) < (options.minParallelChars ?? MIN_PARALLEL_CHARS)) return [];
  const { parts } = await loadInThreads(files, { ...options, workers, workerScript: options.workerScript! });
  return files.map((file, i) => ({ file, defaultNamespace: options.defaultNamespace, part: parts[i]! }));
}

/**
 * Every file loaded by this thread and `workers` workers started from `workerScript`, whatever the amount of text.
 * A file larger than a part (a cluster's export: one file, one List) is planned here and its parts shared out like
 * files, then put together in order (planFileLoad, finishParts).
 */
export async function loadInThreads(files: readonly SourceFile[], options: ParallelLoadOptions & { workers: number; workerScript: URL }): Promise<ThreadedLoad> {
  const loadOptions: LoadOptions = { defaultNamespace: options.defaultNamespace, maxFileBytes: options.maxFileBytes, ...(options.pieceLimits ? { pieceLimits: options.pieceLimits } : {}) };
  const partChars = (options.pieceLimits ?? PIECE_LIMITS).pieceChars;
  const units: LoadUnit[] = [];
  const plans: Array<{ head: LoadResult; plan?: PartsPlan; first: number } | undefined> = files.map((file) => {
    if (file.text.length <= partChars) {
      units.push(file);
      return undefined;
    }
    const head: LoadResult = { entries: [], sidecars: [], diagnostics: [] };
    const plan = planFileLoad(file, loadOptions, head);
    const first = units.length;
    if (plan) units.push(...plan.parts);
    return { head, plan, first };
  });
  const load = await loadInChunks(chunksOf(units, options.chunkChars ?? CHUNK_CHARS), loadOptions, options.workers, options.workerScript);
  let next = 0;
  const parts = plans.map((planned): LoadResult => {
    if (!planned) return load.parts[next++]!;
    const { head, plan, first } = planned;
    if (!plan) return head;
    next = first + plan.parts.length;
    return finishParts(plan, load.parts.slice(first, next), loadOptions, head);
  });
  return { ...load, parts };
}

function totalChars(files: readonly SourceFile[]): number {
  let chars = 0;
  for (const file of files) chars += file.text.length;
  return chars;
}

function chunksOf(files: readonly LoadUnit[], chunkChars: number): LoadUnit[][] {
  const chunks: LoadUnit[][] = [];
  let current: LoadUnit[] = [];
  let chars = 0;
  for (const file of files) {
    current.push(file);
    chars += file.text.length;
    if (chars >= chunkChars) {
      chunks.push(current);
      current = [];
      chars = 0;
    }
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** Each unit's load, in order: undefined for a run of items that did not read cleanly (see loadFilePart). */
interface UnitsLoad extends Omit<ThreadedLoad, 'parts'> {
  parts: Array<LoadResult | undefined>;
}

async function loadInChunks(chunks: readonly LoadUnit[][], options: LoadOptions, workerCount: number, script: URL): Promise<UnitsLoad> {
  const done: Array<Array<LoadResult | undefined> | undefined> = new Array(chunks.length);
  const queue: number[] = chunks.map((_, i) => i);
  let head = 0;
  const take = (): number | undefined => (head < queue.length ? queue[head++] : undefined);
  let outstanding = 0;
  let chunksByWorkers = 0;
  let failedWorkers = 0;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  // Strings a worker's reply brought over are shared again, as the loader shares them (decodeChunk, reshare): otherwise every entry would hold
  // its own copy of its file's path, namespace, resolution and the like, tens of MB at 100k entries.
  const shared = new Map<string, string>();

  const workers: Worker[] = [];
  for (let w = 0; w < workerCount; w++) {
    let worker: Worker;
    try {
      worker = new Worker(script);
    } catch {
      failedWorkers += workerCount - w;
      break;
    }
    workers.push(worker);
    const inFlight = new Set<number>();
    let alive = true;
    const feed = () => {
      while (alive && inFlight.size < IN_FLIGHT) {
        const chunk = take();
        if (chunk === undefined) return;
        inFlight.add(chunk);
        outstanding++;
        const request: LoadRequest = { chunk, files: chunks[chunk]!, options };
        worker.postMessage(request);
      }
    };
    const fail = () => {
      if (!alive) return;
      alive = false;
      failedWorkers++;
      // Back to the queue: this thread picks them up.
      for (const chunk of inFlight) queue.push(chunk);
      outstanding -= inFlight.size;
      inFlight.clear();
      void worker.terminate();
      notify();
    };
    worker.on('message', (reply: LoadReply) => {
      if (!inFlight.delete(reply.chunk)) return;
      outstanding--;
      const files = chunks[reply.chunk]!;
      const parts = decodeChunk(reply.loaded, files, shared);
      // The decoded entries hold shared strings already; the rest of each part is a clone's.
      parts.forEach((part, i) => {
        if (!part) return;
        const path = files[i]!.path;
        reshare(part.sidecars, path, shared);
        reshare(part.diagnostics, path, shared);
        if (reply.loaded.parts[i]!.encoded === 0) reshare(part.entries, path, shared);
      });
      done[reply.chunk] = parts;
      chunksByWorkers++;
      feed();
      notify();
    });
    worker.on('error', fail);
    worker.on('messageerror', fail);
    worker.on('exit', fail);
    feed();
  }

  try {
    for (;;) {
      const chunk = take();
      if (chunk !== undefined) {
        done[chunk] = chunks[chunk]!.map((unit) => loadUnit(unit, options));
        // Let the workers' replies in (and hand them more) between chunks.
        await new Promise<void>((resolve) => setImmediate(resolve));
        continue;
      }
      if (outstanding === 0) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    for (const worker of workers) {
      worker.removeAllListeners('exit');
      void worker.terminate();
    }
  }
  return { parts: done.flatMap((parts) => parts!), chunks: chunks.length, chunksByWorkers, failedWorkers };
}

/**
 * Fields whose strings are an entry's own (its `namespace/name`, its name, its hostnames): sharing them would
 * put every one through the map for nothing, a third of the re-sharing's time at 100k entries. The loader on
 * this thread does not share them either.
 */
const OWN_STRINGS = new Set(['ref', 'name', 'hosts']);

/** Replaces every string of a cloned load by the one this thread already holds for it (the file's path) or saw first. */
function reshare(node: object, path: string, shared: Map<string, string>): void {
  const record = node as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (OWN_STRINGS.has(key)) continue;
    const value = record[key];
    if (typeof value === 'string') record[key] = value === path ? path : sharedString(value, shared);
    else if (typeof value === 'object' && value !== null) reshare(value, path, shared);
  }
}
