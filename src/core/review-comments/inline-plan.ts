import type { FindingEntry, SourceLocation } from '../model.js';
import type { ClassifiedFinding } from '../review/review-change.js';
import type { FixSuggestion } from '../fixes/suggest-fixes.js';
import type { LineChange } from '../fixes/line-changes.js';
import { GITHUB_COMMENT_LIMIT, renderFindingComment, type RenderContext } from '../render/markdown.js';
import { suggestionBlock } from '../render/suggestions.js';
import type { DiffLines } from './diff-hunks.js';
import { inlineKey, inlineMarker } from './markers.js';

/** One inline comment of the review, ready for the API: RIGHT side, head commit numbering. */
export interface PlannedComment {
  findingId: string;
  /** Dedupe keys this comment settles, carried in its hidden marker. */
  keys: string[];
  path: string;
  line: number;
  /** First line of a multi-line comment (a ```suggestion over several lines). */
  startLine?: number;
  body: string;
}

/** An entry the change brought into a collision, and why it gets no inline comment this run. */
export interface SkippedRemark {
  findingId: string;
  entryRef: string;
  location: SourceLocation;
  reason: 'already-commented' | 'outside-diff' | 'comment-limit';
}

export interface InlinePlan {
  comments: PlannedComment[];
  skipped: SkippedRemark[];
}

export interface InlinePlanOptions {
  /** Keys found in the markers of inline comments earlier runs posted. */
  postedKeys: ReadonlySet<string>;
  /** Per changed file, the lines its diff shows; a file without a patch has none. */
  diffs: ReadonlyMap<string, DiffLines>;
  /** Verified fixes per finding id; the first that fits inside one hunk becomes a ```suggestion. */
  suggestions?: Readonly<Record<string, readonly FixSuggestion[]>>;
  render?: RenderContext;
  /** Large reviews are slow to read and fail more often; the rest stay in the summary. */
  maxComments?: number;
  /** The lines of each file the fixes were computed on, so a fix touching two places of one hunk can be one suggestion. */
  fileLines?: (path: string) => readonly string[] | undefined;
  /** The summary comment's address, which each inline comment links to for the details. */
  summaryUrl?: string;
}

export const DEFAULT_MAX_INLINE_COMMENTS = 25;

/**
 * Decides which introduced findings get an inline comment and where. One
 * comment per finding, on the first line of the change's own entry that the
 * diff shows (its port, else its metadata), never on a line GitHub would
 * refuse, and never again for an entry an earlier run already commented on.
 */
export function planInlineComments(introduced: readonly ClassifiedFinding[], options: InlinePlanOptions): InlinePlan {
  const plan: InlinePlan = { comments: [], skipped: [] };
  const max = options.maxComments ?? DEFAULT_MAX_INLINE_COMMENTS;
  for (const classified of introduced) {
    const finding = classified.finding;
    const pending: FindingEntry[] = [];
    for (const entry of ownEntries(classified)) {
      if (options.postedKeys.has(inlineKey(finding.id, entry.ref))) {
        plan.skipped.push({ findingId: finding.id, entryRef: entry.ref, location: entry.portLocation, reason: 'already-commented' });
      } else {
        pending.push(entry);
      }
    }
    if (pending.length === 0) continue;
    const anchor = firstCommentable(pending, options.diffs);
    if (!anchor || plan.comments.length >= max) {
      const reason = anchor ? 'comment-limit' : 'outside-diff';
      for (const entry of pending) plan.skipped.push({ findingId: finding.id, entryRef: entry.ref, location: entry.portLocation, reason });
      continue;
    }
    const keys = pending.map((e) => inlineKey(finding.id, e.ref));
    const verified = options.suggestions?.[finding.id] ?? [];
    const fix = fittingSuggestion(verified, anchor.path, options.diffs, options.fileLines);
    plan.comments.push({
      findingId: finding.id,
      keys,
      path: fix ? fix.path : anchor.path,
      line: fix ? fix.endLine : anchor.line,
      ...(fix && fix.startLine < fix.endLine ? { startLine: fix.startLine } : {}),
      body: commentBody(renderFindingComment(classified, { ...options.render, ...(options.summaryUrl ? { summaryUrl: options.summaryUrl } : {}) }), fix, keys, !fix && verified.length > 0),
    });
  }
  return plan;
}

/** Every dedupe key the introduced findings stand for now; an earlier comment carrying none of them is about something fixed. */
export function currentInlineKeys(introduced: readonly ClassifiedFinding[]): Set<string> {
  return new Set(introduced.flatMap((c) => ownEntries(c).map((e) => inlineKey(c.finding.id, e.ref))));
}

/** The entries the change is answerable for; when it only made a collision worse, those it touched. */
function ownEntries(classified: ClassifiedFinding): FindingEntry[] {
  const own = new Set(classified.newEntryRefs);
  const entries = classified.finding.entries.filter((e) => own.has(e.ref));
  return entries.length > 0 ? entries : [...classified.finding.entries];
}

function firstCommentable(entries: readonly FindingEntry[], diffs: ReadonlyMap<string, DiffLines>): SourceLocation | undefined {
  for (const entry of entries) {
    for (const location of [entry.portLocation, entry.location]) {
      if (diffs.get(location.path)?.has(location.line)) return location;
    }
  }
  return undefined;
}

/**
 * Fixes that change what clients must do are never offered as one click: a
 * reviewer should choose them knowingly from the summary, not commit them
 * because they happened to fit the diff.
 */
const LAST_RESORT: ReadonlySet<FixSuggestion['kind']> = new Set(['port']);

/** A one-click suggestion must be a good fix and replace lines of the anchored file that all sit in one hunk. */
function fittingSuggestion(suggestions: readonly FixSuggestion[], path: string, diffs: ReadonlyMap<string, DiffLines>, fileLines?: (path: string) => readonly string[] | undefined): LineChange | undefined {
  for (const suggestion of suggestions) {
    if (LAST_RESORT.has(suggestion.kind)) continue;
    const change = suggestion.changes.length === 1 ? suggestion.changes[0] : joinedChange(suggestion.changes, fileLines);
    if (change && change.path === path && diffs.get(path)?.hasRange(change.startLine, change.endLine)) return change;
  }
  return undefined;
}

/** Beyond this many lines a one-click block stops being something a reviewer reads before committing. */
const MAX_JOINED_LINES = 40;

/**
 * Several changes to one file (a fix for two new entries) as one change
 * spanning them, the lines between kept as they are: one suggestion can then
 * commit the whole fix when it all sits in one hunk (a new file always does).
 */
function joinedChange(changes: readonly LineChange[], fileLines: ((path: string) => readonly string[] | undefined) | undefined): LineChange | undefined {
  const path = changes[0]?.path;
  if (!path || !fileLines || changes.some((c) => c.path !== path)) return undefined;
  const lines = fileLines(path);
  if (!lines) return undefined;
  const sorted = [...changes].sort((a, b) => a.startLine - b.startLine);
  const startLine = sorted[0]!.startLine;
  const endLine = sorted[sorted.length - 1]!.endLine;
  if (endLine - startLine + 1 > MAX_JOINED_LINES) return undefined;
  const replacementLines: string[] = [];
  let next = startLine;
  for (const c of sorted) {
    if (c.startLine < next) return undefined; // overlapping changes: not ours to merge
    replacementLines.push(...lines.slice(next - 1, c.startLine - 1), ...c.replacementLines);
    next = c.endLine + 1;
  }
  return { path, startLine, endLine, originalLines: lines.slice(startLine - 1, endLine), replacementLines };
}

const CUT_NOTE = '\n\n> ⚠️ Cut to fit GitHub\'s comment size limit; the full finding is in the summary comment and the job summary.';

const SEE_SUMMARY = '\n\n**Fixes**: no verified fix fits these lines as one click; the summary comment lists each verified fix with its cost.';

function commentBody(rendered: string, fix: LineChange | undefined, keys: readonly string[], pointToSummary = false): string {
  const marker = `\n\n${inlineMarker(keys)}`;
  const suggestion = fix ? `\n\n**Suggested fix** (verified against the head set):\n\n${suggestionBlock(fix)}` : pointToSummary ? SEE_SUMMARY : '';
  const full = rendered + suggestion + marker;
  if (full.length <= GITHUB_COMMENT_LIMIT) return full;
  // A suggestion cut in half would commit garbage, so it goes before the prose does.
  const room = GITHUB_COMMENT_LIMIT - marker.length - CUT_NOTE.length;
  return rendered.slice(0, room) + CUT_NOTE + marker;
}
