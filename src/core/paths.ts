import picomatch from 'picomatch';

/** Default manifest globs: every YAML file in the repository. */
export const DEFAULT_PATH_GLOBS = ['**/*.yaml', '**/*.yml'];

/** Parses a globs input: one per line or comma-separated; `!glob` excludes. */
export function parseGlobList(input: string): string[] {
  return input.split(/[\n,]/).map((g) => g.trim()).filter(Boolean);
}

/** Which repository paths hold manifests to analyse: any include matches and no `!exclude` does. */
export function makePathFilter(globs: readonly string[]): (path: string) => boolean {
  const include = globs.filter((g) => !g.startsWith('!'));
  const exclude = globs.filter((g) => g.startsWith('!')).map((g) => g.slice(1));
  const included = picomatch(include.length > 0 ? include : DEFAULT_PATH_GLOBS, { dot: true });
  const excluded = exclude.length > 0 ? picomatch(exclude, { dot: true }) : () => false;
  return (path) => included(path) && !excluded(path);
}
