import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { validateServiceEntryManifest } from '../../../src/core/crd/validate-manifest.js';
import { SERVICE_ENTRY_SCHEMA } from '../../../src/core/crd/serviceentry-schema.gen.js';
import { REPO_ROOT } from '../../helpers/fixtures.js';

const SHARED = join(REPO_ROOT, '..', 'shared', 'istio');

function documents(file: string): Array<Record<string, unknown>> {
  // Istio's data is read by go-yaml (YAML 1.1), where `001:db8::` in a flow list is a string; YAML 1.2
  // (yaml, js-yaml) reads it as a one-key mapping. Quoting it keeps the document's meaning for the API server.
  const text = readFileSync(join(SHARED, file), 'utf8').replace('[1.2.3.4, 001:db8::]', '[1.2.3.4, "001:db8::"]');
  return parseAllDocuments(text)
    .map((d) => d.toJS() as Record<string, unknown> | null)
    .filter((d): d is Record<string, unknown> => d !== null && typeof d === 'object');
}

describe("Istio's own ServiceEntry test data", () => {
  test.each(documents('serviceentry-valid.yaml').map((d) => [(d.metadata as { name: string }).name, d]))('valid: %s passes schema and CEL rules', (_name, manifest) => {
    expect(validateServiceEntryManifest(manifest)).toEqual([]);
  });

  const invalid = documents('serviceentry-invalid.yaml');
  test('every uncommented invalid document is there', () => {
    expect(invalid).toHaveLength(12);
  });

  test.each(invalid.map((d) => [(d.metadata as { name: string }).name, d._err as string, d]))('invalid: %s is rejected with "%s"', (_name, expected, manifest) => {
    const { _err: _ignored, ...rest } = manifest as Record<string, unknown>;
    const messages = validateServiceEntryManifest(rest).map((v) => v.message);
    expect(messages.some((m) => m.includes(expected))).toBe(true);
  });
});

describe('schema and CEL checks', () => {
  const base = { apiVersion: 'networking.istio.io/v1', kind: 'ServiceEntry', metadata: { name: 'x' } };
  const spec = (s: Record<string, unknown>) => ({ ...base, spec: { hosts: ['a.example.com'], ...s } });

  test('a TLS port with a VIP and DNS resolution is valid', () => {
    expect(validateServiceEntryManifest(spec({ addresses: ['240.241.0.7'], ports: [{ number: 443, name: 'tls', protocol: 'TLS' }], resolution: 'DNS' }))).toEqual([]);
  });

  test('a port without a name is rejected: the CRD requires it', () => {
    expect(validateServiceEntryManifest(spec({ ports: [{ number: 443 }] })).map((v) => v.message)).toContain('spec.ports[0].name: Required value');
  });

  test('an unknown resolution is an unsupported value', () => {
    expect(validateServiceEntryManifest(spec({ resolution: 'MAGIC' }))[0]!.message).toMatch(/Unsupported value: "MAGIC"/);
  });

  test('a port number given as a string is a type error', () => {
    expect(validateServiceEntryManifest(spec({ ports: [{ number: '443', name: 'a' }] }))[0]!.message).toMatch(/must be of type integer/);
  });

  test('the generated schema is the storage version of the CRD in shared/', async () => {
    // @ts-expect-error the generator is plain JavaScript
    const { generate } = await import('../../../scripts/gen-crd-schema.mjs');
    const generated = (generate as (t: string) => string)(readFileSync(join(SHARED, 'serviceentry-crd.yaml'), 'utf8'));
    expect(readFileSync(join(REPO_ROOT, 'src/core/crd/serviceentry-schema.gen.ts'), 'utf8')).toBe(generated);
    expect(SERVICE_ENTRY_SCHEMA.required).toEqual(['spec']);
  });
});
