import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reviewLocalChange, type DiffRequest } from '../../src/cli/diff-command.js';
import { validateServiceEntryManifest } from '../../src/core/crd/validate-manifest.js';
import { DEFAULT_PATH_GLOBS, makePathFilter } from '../../src/core/paths.js';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { RecordingGit } from '../helpers/recording-git.js';
import { TempGitRepo } from '../helpers/temp-git-repo.js';

const seed = (file: string) => readFileSync(join(REPO_ROOT, 'test/fixtures/cases/seed-huaweicloud-github', file), 'utf8');

describe('diff reads each side from git once', () => {
  const repo = new TempGitRepo('seg-diff-reads-');
  repo.write('deploy/huaweicloud.yaml', seed('huaweicloud.yaml'));
  for (let i = 0; i < 30; i++) repo.write(`docs/page-${i}.md`, `# ${i}\n`);
  const base = repo.commit('base');
  repo.git('checkout', '--quiet', '-b', 'feature');
  repo.write('deploy/github.yaml', seed('github.yaml'));
  const head = repo.commit('head');
  afterAll(() => repo.dispose());

  const request = (git?: RecordingGit): DiffRequest => ({
    repoDir: repo.dir, base: 'main', head: 'feature', select: makePathFilter(DEFAULT_PATH_GLOBS), defaultNamespace: 'default', mesh: {},
    vipPool: undefined, validate: validateServiceEntryManifest, ...(git ? { git } : {}),
  });

  it('lists each side\'s tree once, for its manifests and its config file alike', async () => {
    const git = new RecordingGit();
    const reviewed = await reviewLocalChange(request(git));
    expect(reviewed.ok).toBe(true);
    const merged = git.matching('merge-tree');
    expect(merged).toHaveLength(1);
    const listed = git.matching('ls-tree').map((c) => c.args.at(-1));
    // The base tip and the tree merging the branch gives (not the head commit itself).
    expect(listed).toHaveLength(2);
    expect(listed).toContain(base);
    expect(listed).not.toContain(head);
    expect(git.lines().filter((l) => l.includes('--long'))).toEqual([]);
    // Everything else: resolving the two refs, the merge, and the changed paths, each once.
    expect(git.calls.filter((c) => c.args[0] !== 'cat-file' && c.args[0] !== 'ls-tree').map((c) => c.args[0])).toEqual(['rev-parse', 'rev-parse', 'merge-tree', 'diff-tree']);
    // No blob outside the globs is ever looked up.
    const docs = Array.from({ length: 30 }, (_, i) => repo.git('rev-parse', `${base}:docs/page-${i}.md`));
    expect(git.calls.flatMap((c) => c.input).filter((o) => docs.includes(o))).toEqual([]);
  });

  it('reports the same as without recording', async () => {
    const recorded = await reviewLocalChange(request(new RecordingGit()));
    const plain = await reviewLocalChange(request());
    expect(recorded.ok && plain.ok).toBe(true);
    if (!recorded.ok || !plain.ok) return;
    expect(JSON.stringify(recorded.report)).toBe(JSON.stringify(plain.report));
    expect(recorded.report.introduced.length).toBe(1);
  });
});
