// A load worker running the TypeScript sources (tests have no bundle to start one from): workers do not
// inherit jest's transform, so tsx compiles the sources here.
import { register } from 'tsx/esm/api';

register();
const { runLoadWorker } = await import('../../src/adapters/load/load-worker.ts');
runLoadWorker();
