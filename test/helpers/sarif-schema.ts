import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';

// The SARIF 2.1.0 JSON schema (draft-04) as Microsoft's SARIF SDK ships it in @microsoft/jest-sarif.
const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));

// Both are CommonJS whose module.exports carries the class/plugin as `.default` too.
const { default: Ajv } = ajvDraft04;
const { default: addFormats } = ajvFormats;
// unicodeRegExp off: the schema's `language` pattern has a stray `]` that only the `u` flag rejects.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv); // the schema's uri, uri-reference and date-time formats are checked, not skipped

/** Validates a log against the SARIF 2.1.0 schema; `errors` is set when it fails. */
export const validateSarif = ajv.compile(schema);

export function expectValidSarif(log: unknown): void {
  const valid = validateSarif(log);
  expect(validateSarif.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}
