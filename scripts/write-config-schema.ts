/** Writes schema/serviceentry-guard.schema.json from the schema the parser validates with (`npm run schema`). */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { REPOSITORY_CONFIG_SCHEMA } from '../src/core/repository/config-schema.js';

const target = fileURLToPath(new URL('../schema/serviceentry-guard.schema.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(REPOSITORY_CONFIG_SCHEMA, null, 2)}\n`);
console.log(`wrote ${target}`);
