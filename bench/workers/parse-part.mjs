// Workers do not inherit `--import tsx`: register it, then run the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./parse-part.ts');
