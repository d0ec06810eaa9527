/**
 * The side of a load worker (see parallel-load.ts): it parses the files it is
 * sent and posts what they hold back. Bundled on its own (load-worker-main.ts).
 */
import { parentPort } from 'node:worker_threads';
import { loadSourceFile, type LoadOptions } from '../../core/load/load-sources.js';
import type { SourceFile } from '../../core/model.js';
import { encodeChunk, type WireChunk } from './entry-wire.js';

export interface LoadRequest {
  chunk: number;
  files: SourceFile[];
  options: LoadOptions;
}

export interface LoadReply {
  chunk: number;
  /** Each file's load, its entries encoded for the trip (see entry-wire.ts). */
  loaded: WireChunk;
}

export function runLoadWorker(): void {
  const port = parentPort!;
  port.on('message', (request: LoadRequest) => {
    const parts = request.files.map((file) => loadSourceFile(file, request.options));
    const reply: LoadReply = { chunk: request.chunk, loaded: encodeChunk(parts, request.files) };
    port.postMessage(reply);
  });
}
