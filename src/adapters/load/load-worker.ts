/**
 * The side of a load worker (see parallel-load.ts): it parses the files it is
 * sent and posts what they hold back. Bundled on its own (load-worker-main.ts).
 */
import { parentPort } from 'node:worker_threads';
import { loadSourceFile, type LoadOptions } from '../../core/load/load-sources.js';
import type { LoadResult, SourceFile } from '../../core/model.js';

export interface LoadRequest {
  chunk: number;
  files: SourceFile[];
  options: LoadOptions;
}

export interface LoadReply {
  chunk: number;
  parts: LoadResult[];
}

export function runLoadWorker(): void {
  const port = parentPort!;
  port.on('message', (request: LoadRequest) => {
    const reply: LoadReply = { chunk: request.chunk, parts: request.files.map((file) => loadSourceFile(file, request.options)) };
    port.postMessage(reply);
  });
}
