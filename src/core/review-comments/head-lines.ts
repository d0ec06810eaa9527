import type { CommentableLines, DiffLines } from './diff-hunks.js';
import type { LineMap } from '../fixes/line-map.js';

/**
 * When the base branch moved after the branch point, the review reads each
 * changed file as merging produces it, while GitHub's diff (and so every
 * inline comment) is numbered in the pull request's head file; the lines of
 * the two versions are paired by lineMapBetween: a line main added has no
 * head line and can carry no comment; a line both share maps across.
 *
 * The head diff's commentable lines seen from the merged file: a merged
 * line is commentable when its head line is, and a range only when it maps
 * onto consecutive head lines of one hunk, so a ```suggestion replaces
 * exactly the lines it was verified against.
 */
export class MergedFileLines implements DiffLines {
  constructor(private readonly head: CommentableLines, private readonly toHead: LineMap) {}

  has(line: number): boolean {
    const headLine = this.toHead.get(line);
    return headLine !== undefined && this.head.has(headLine);
  }

  hasRange(startLine: number, endLine: number): boolean {
    const start = this.toHead.get(startLine);
    const end = this.toHead.get(endLine);
    if (start === undefined || end === undefined || end - start !== endLine - startLine) return false;
    for (let line = startLine; line <= endLine; line++) if (this.toHead.get(line) !== start + (line - startLine)) return false;
    return this.head.hasRange(start, end);
  }

  headLine(line: number): number | undefined {
    return this.toHead.get(line);
  }

  get size(): number {
    return this.head.size;
  }
}
