// A load worker that loads its first chunk and then exits, as one killed halfway would, leaving chunks unanswered.
import { register } from 'tsx/esm/api';
import { parentPort } from 'node:worker_threads';

register();
const { loadSourceFile } = await import('../../src/core/load/load-sources.ts');
const { encodeChunk } = await import('../../src/adapters/load/entry-wire.ts');
let answered = 0;
parentPort.on('message', (request) => {
  if (answered++ > 0) process.exit(3);
  const parts = request.files.map((file) => loadSourceFile(file, request.options));
  parentPort.postMessage({ chunk: request.chunk, loaded: encodeChunk(parts, request.files) });
});
