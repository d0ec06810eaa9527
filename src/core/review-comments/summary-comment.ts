import type { ReviewReport } from '../review/review-change.js';
import { GITHUB_COMMENT_LIMIT, renderReviewMarkdown, safeUrl, type RenderContext } from '../render/markdown.js';
import { escapeMarkdown, inlineCode } from '../render/escape.js';
import type { SkippedRemark } from './inline-plan.js';
import { SUMMARY_MARKER } from './markers.js';

/** What happened to the inline comments this run, for the summary's footer. */
export interface InlineOutcome {
  /** Findings this run commented on inline. */
  posted: readonly string[];
  skipped: readonly SkippedRemark[];
  /** Findings whose comments GitHub refused (422), so they are only in this summary. */
  refused: readonly string[];
}

export interface SummaryCommentOptions {
  render: RenderContext;
  headSha: string;
  inline?: InlineOutcome;
  /** Said in the footer when the file list was capped and the review is partial. */
  incomplete?: boolean;
  /** Which two commits were compared (merge commit, or merge base and head when none exists). */
  compared?: string;
  /** The pull request's cap on inline comments, named when it left findings without one. */
  maxInlineComments?: number;
}

const LISTED_SKIPS = 10;

/**
 * The sticky summary comment: hidden marker, the review table, and a footer
 * saying which commit was analysed and where findings without an inline
 * comment went. Always under GitHub's comment limit, marker and footer kept.
 */
export function composeSummaryComment(report: ReviewReport, options: SummaryCommentOptions): string {
  const footer = footerLines(options).join('\n');
  const reserve = SUMMARY_MARKER.length + footer.length + 4;
  const table = renderReviewMarkdown(report, { ...options.render, maxLength: (options.render.maxLength ?? GITHUB_COMMENT_LIMIT) - reserve });
  return `${SUMMARY_MARKER}\n${table}\n\n${footer}`;
}

function footerLines(options: SummaryCommentOptions): string[] {
  const lines: string[] = [];
  if (options.incomplete) lines.push('> ⚠️ GitHub listed only part of this pull request\'s files; files past its cap were not reviewed.');
  const inline = options.inline;
  if (inline) {
    const outside = inline.skipped.filter((s) => s.reason === 'outside-diff' || s.reason === 'comment-limit');
    // Counted the same whether this run or an earlier one posted them, so a re-run leaves the comment as it was.
    const commented = new Set([...inline.posted, ...inline.skipped.filter((s) => s.reason === 'already-commented').map((s) => s.findingId)]);
    const uncommented = (skips: readonly SkippedRemark[], extra: readonly string[] = []) => new Set([...skips.map((s) => s.findingId), ...extra].filter((id) => !commented.has(id)));
    const capped = uncommented(inline.skipped.filter((s) => s.reason === 'comment-limit'));
    const onlyHere = uncommented(inline.skipped.filter((s) => s.reason === 'outside-diff'), inline.refused);
    for (const id of capped) onlyHere.delete(id);
    const parts = [
      commented.size > 0 ? `${plural(commented.size)} commented on the changed lines` : '',
      onlyHere.size > 0 ? `${plural(onlyHere.size)} only here (lines outside this pull request's diff, or refused by GitHub)` : '',
      capped.size > 0 ? `${plural(capped.size)} only here because this pull request reached ${inlineCode('max-inline-comments')}${options.maxInlineComments !== undefined ? ` (${options.maxInlineComments})` : ''}` : '',
    ].filter(Boolean);
    if (parts.length > 0) lines.push(`<sub>Inline: ${parts.join(' · ')}.</sub>`);
    for (const s of outside.slice(0, LISTED_SKIPS)) {
      lines.push(`<sub>• ${inlineCode(s.entryRef)} at ${escapeMarkdown(`${s.location.path}:${s.location.line}`)}</sub>`);
    }
    if (outside.length > LISTED_SKIPS) lines.push(`<sub>… and ${outside.length - LISTED_SKIPS} more.</sub>`);
  }
  if (options.render.fullReportUrl) lines.push(`<sub>The full report (JSON, markdown, SARIF) is this run's [workflow artifact](${safeUrl(options.render.fullReportUrl)}).</sub>`);
  if (options.compared) lines.push(`<sub>${escapeMarkdown(options.compared)}</sub>`);
  lines.push(`<sub>Analysed head ${inlineCode(options.headSha.slice(0, 12))} · updated in place on every run.</sub>`);
  return lines;
}

function plural(n: number): string {
  return `${n} finding${n === 1 ? '' : 's'}`;
}
