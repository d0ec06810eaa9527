/**
 * GitHub accepts a review comment only on a line the pull request's diff
 * shows; anything else is a 422 that sinks the whole review. The `patch` of
 * the pull request files endpoint is that diff, so it decides which lines
 * may carry a comment.
 */

/** One hunk's lines on the new side (RIGHT): added and context lines, in order. */
export interface RightSideHunk {
  lines: number[];
}

const HUNK_HEADER = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** The RIGHT-side lines of each hunk of a unified diff; malformed text yields no lines rather than guesses. */
export function parseRightSideHunks(patch: string): RightSideHunk[] {
  const hunks: RightSideHunk[] = [];
  let current: RightSideHunk | undefined;
  let next = 0;
  let oldLeft = 0;
  let newLeft = 0;
  for (const line of patch.split('\n')) {
    const header = HUNK_HEADER.exec(line);
    if (header) {
      current = { lines: [] };
      hunks.push(current);
      oldLeft = header[1] === undefined ? 1 : Number(header[1]);
      next = Number(header[2]);
      newLeft = header[3] === undefined ? 1 : Number(header[3]);
      continue;
    }
    // Lines past the counts the header announced belong to no hunk.
    if (!current || (oldLeft <= 0 && newLeft <= 0)) continue;
    const marker = line[0];
    if (marker === '+' && newLeft > 0) {
      current.lines.push(next++);
      newLeft--;
    } else if (marker === ' ' && newLeft > 0) {
      current.lines.push(next++);
      newLeft--;
      oldLeft--;
    } else if (marker === '-') {
      // Removed lines exist only on the LEFT side.
      oldLeft--;
    }
    // A '\' line (no newline at end of file) is a note, not a line.
  }
  return hunks.filter((h) => h.lines.length > 0);
}

/** What the inline planner asks of a file's diff: may a comment sit on this line, or span this range? */
export interface DiffLines {
  has(line: number): boolean;
  hasRange(startLine: number, endLine: number): boolean;
}

/** Which lines of one file a review comment may sit on, and which ranges a multi-line comment may span. */
export class CommentableLines implements DiffLines {
  private readonly hunkOf = new Map<number, number>();

  constructor(hunks: readonly RightSideHunk[]) {
    hunks.forEach((h, index) => h.lines.forEach((line) => this.hunkOf.set(line, index)));
  }

  static fromPatch(patch: string | undefined): CommentableLines {
    return new CommentableLines(patch === undefined ? [] : parseRightSideHunks(patch));
  }

  has(line: number): boolean {
    return this.hunkOf.has(line);
  }

  /** A multi-line comment must start and end inside the same hunk, on consecutive RIGHT lines. */
  hasRange(startLine: number, endLine: number): boolean {
    const hunk = this.hunkOf.get(startLine);
    if (hunk === undefined || endLine < startLine) return false;
    for (let line = startLine; line <= endLine; line++) if (this.hunkOf.get(line) !== hunk) return false;
    return true;
  }

  get size(): number {
    return this.hunkOf.size;
  }
}
