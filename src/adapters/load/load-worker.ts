/**
 * The side of a load worker (see parallel-load.ts): it parses the files it is
 * sent and posts what they hold back. It runs the same bundle as the main
 * thread, whose entry point hands it here instead of running the command.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { loadSourceFile, type LoadOptions } from '../../core/load/load-sources.js';
import type { LoadResult, SourceFile } from '../../core/model.js';

export const LOAD_WORKER_ROLE = 'serviceentry-guard/load';

export interface LoadRequest {
  chunk: number;
  files: SourceFile[];
  options: LoadOptions;
}

export interface LoadReply {
  chunk: number;
  parts: LoadResult[];
}

/** Whether this thread was started to load files rather than to run a command. */
export function isLoadWorker(): boolean {
  return !isMainThread && (workerData as { role?: unknown } | null)?.role === LOAD_WORKER_ROLE;
}

export function runLoadWorker(): void {
  const port = parentPort!;
  port.on('message', (request: LoadRequest) => {
    const reply: LoadReply = { chunk: request.chunk, parts: request.files.map((file) => loadSourceFile(file, request.options)) };
    port.postMessage(reply);
  });
}
