import picomatch from 'picomatch';

/**
 * The `paths` globs that select none of the files seen, so a typo (`cluster/`
 * for `clusters/`) is named instead of silently reviewing nothing. Excludes
 * (`!glob`) are left out: matching nothing is their normal state.
 */
export function unmatchedGlobs(globs: readonly string[], paths: Iterable<string>): string[] {
  const seen = [...paths];
  return globs.filter((g) => !g.startsWith('!')).filter((g) => {
    const matches = picomatch(g, { dot: true });
    return !seen.some((p) => matches(p));
  });
}
