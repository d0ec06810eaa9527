import type { ReviewReport } from '../review/review-change.js';
import { GITHUB_COMMENT_LIMIT, renderReviewMarkdown, type RenderContext } from '../render/markdown.js';
import { escapeMarkdown, inlineCode } from '../render/escape.js';
import type { SkippedRemark } from './inline-plan.js';
import { SUMMARY_MARKER } from './markers.js';

/** What happened to the inline comments this run, for the summary's footer. */
export interface InlineOutcome {
  posted: number;
  skipped: readonly SkippedRemark[];
  /** Remarks GitHub refused (422) and that are therefore only in this summary. */
  refused: number;
  reviewUrl?: string;
}

export interface SummaryCommentOptions {
  render: RenderContext;
  headSha: string;
  inline?: InlineOutcome;
  /** Said in the footer when the file list was capped and the review is partial. */
  incomplete?: boolean;
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
    const already = inline.skipped.filter((s) => s.reason === 'already-commented').length;
    const parts = [
      inline.posted > 0 ? `${inline.posted} new inline comment${inline.posted > 1 ? 's' : ''}${inline.reviewUrl ? ` ([review](${inline.reviewUrl}))` : ''}` : '',
      already > 0 ? `${already} already commented on an earlier run` : '',
      outside.length + inline.refused > 0 ? `${outside.length + inline.refused} only here (their lines are outside this pull request's diff)` : '',
    ].filter(Boolean);
    if (parts.length > 0) lines.push(`<sub>Inline: ${parts.join(' · ')}.</sub>`);
    for (const s of outside.slice(0, LISTED_SKIPS)) {
      lines.push(`<sub>• ${inlineCode(s.entryRef)} at ${escapeMarkdown(`${s.location.path}:${s.location.line}`)}</sub>`);
    }
    if (outside.length > LISTED_SKIPS) lines.push(`<sub>… and ${outside.length - LISTED_SKIPS} more.</sub>`);
  }
  lines.push(`<sub>Analysed head ${inlineCode(options.headSha.slice(0, 12))} · updated in place on every run.</sub>`);
  return lines;
}
