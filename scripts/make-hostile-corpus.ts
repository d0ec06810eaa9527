/**
 * Writes the hostile-input corpus of test/helpers/hostile-corpus.ts to a directory, for manual
 * runs of the CLI:
 *
 *   npx tsx scripts/make-hostile-corpus.ts /tmp/hostile [--no-big] [--many N]
 *   node dist/cli.js check /tmp/hostile/repo        # exit 1: the seed collision, every bad file listed
 *
 * The tree is <dir>/repo (seed, bad files, N good files, symlinks) and
 * <dir>/outside (what the escaping symlinks point at; it must never be read).
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { hostileCases, manyGoodFiles, seedFiles, type CorpusFile } from '../test/helpers/hostile-corpus.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'no-big': { type: 'boolean', default: false }, many: { type: 'string', default: '3000' } },
});
const target = positionals[0];
if (!target) {
  process.stderr.write('usage: make-hostile-corpus.ts DIR [--no-big] [--many N]\n');
  process.exit(2);
}

const root = resolve(target);
const repo = join(root, 'repo');
const outside = join(root, 'outside');
rmSync(repo, { recursive: true, force: true });
rmSync(outside, { recursive: true, force: true });
mkdirSync(outside, { recursive: true });

const write = (file: CorpusFile) => {
  const path = join(repo, file.path);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, file.bytes);
};

const cases = hostileCases({ big: !values['no-big'] });
for (const file of [...seedFiles(), ...cases, ...manyGoodFiles(Number(values.many))]) write(file);

writeFileSync(join(outside, 'secret.yaml'), 'apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: outside-secret, namespace: egress}\nspec: {hosts: [secret.example.com], ports: [{number: 443, protocol: TCP}]}\n');
mkdirSync(join(repo, 'links'), { recursive: true });
symlinkSync(join(outside, 'secret.yaml'), join(repo, 'links', 'outside-file.yaml'));
symlinkSync(join(repo, 'links', 'loop-b.yaml'), join(repo, 'links', 'loop-a.yaml'));
symlinkSync(join(repo, 'links', 'loop-a.yaml'), join(repo, 'links', 'loop-b.yaml'));
symlinkSync(join(root, 'nowhere.yaml'), join(repo, 'links', 'dangling.yaml'));

process.stdout.write(`wrote ${cases.length} hostile files, the seed pair and ${values.many} good files to ${repo}\n`);
for (const c of cases) process.stdout.write(`  ${c.path}: ${c.what} (expect ${c.codes.join(' or ')}${c.line ? ` at line ${c.line}` : ''})\n`);
