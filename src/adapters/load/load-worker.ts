/**
 * The side of a load worker (see parallel-load.ts): it parses the files it is
 * sent and posts what they hold back. Bundled on its own (load-worker-main.ts).
 */
import { parentPort } from 'node:worker_threads';
import { loadFilePart, type FilePart } from '../../core/load/file-parts.js';
import { loadSourceFile, type LoadOptions } from '../../core/load/load-sources.js';
import type { LoadResult, SourceFile } from '../../core/model.js';
import { encodeChunk, type WireChunk } from './entry-wire.js';

/** What a thread loads: a whole file, or a part of a large one (see planFileLoad). */
export type LoadUnit = SourceFile | FilePart;

export interface LoadRequest {
  chunk: number;
  files: LoadUnit[];
  options: LoadOptions;
}

/** One unit's load; undefined for a run of items that did not read cleanly (see loadFilePart). */
export function loadUnit(unit: LoadUnit, options: LoadOptions): LoadResult | undefined {
  return 'holds' in unit ? loadFilePart(unit, options) : loadSourceFile(unit, options);
}

export interface LoadReply {
  chunk: number;
  /** Each file's load, its entries encoded for the trip (see entry-wire.ts). */
  loaded: WireChunk;
}

export function runLoadWorker(): void {
  const port = parentPort!;
  port.on('message', (request: LoadRequest) => {
    const parts = request.files.map((unit) => loadUnit(unit, request.options));
    const reply: LoadReply = { chunk: request.chunk, loaded: encodeChunk(parts, request.files) };
    port.postMessage(reply);
  });
}
