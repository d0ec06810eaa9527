/**
 * Prints the summary comment the action posts for the review fixture
 * pr-adds-second-tcp-443-entry, as the README shows it. Run it to refresh the
 * README sample after the rendering changes:
 *
 *   npx tsx test/helpers/render-readme-sample.ts
 */
import { blobUrlFor } from '../../src/action/links.js';
import { reviewChange } from '../../src/core/review/review-change.js';
import { validateServiceEntryManifest } from '../../src/core/crd/validate-manifest.js';
import { CommentableLines } from '../../src/core/review-comments/diff-hunks.js';
import { planInlineComments } from '../../src/core/review-comments/inline-plan.js';
import { SUMMARY_MARKER } from '../../src/core/review-comments/markers.js';
import { composeSummaryComment } from '../../src/core/review-comments/summary-comment.js';
import { reviewFixture } from './fixtures.js';

const HEAD = '4e9c0890402f6d8b01f20c66a77bea659cc877b4';
const report = reviewChange({ ...reviewFixture('pr-adds-second-tcp-443-entry'), defaultNamespace: 'default', fixes: { validate: validateServiceEntryManifest } });
const render = { blobUrl: blobUrlFor('https://github.com', 'acme/gitops', HEAD) };
const diffs = new Map(report.changedPaths.map((p) => [p, new CommentableLines([{ lines: Array.from({ length: 400 }, (_, i) => i + 1) }])] as const));
const plan = planInlineComments(report.introduced, { postedKeys: new Set(), diffs, render, suggestions: report.suggestions });
const body = composeSummaryComment(report, { render, headSha: HEAD, inline: { posted: plan.comments.map((c) => c.findingId), skipped: plan.skipped, refused: [] } });
process.stdout.write(`${body.replace(`${SUMMARY_MARKER}\n`, '')}\n`);
if (process.argv.includes('--inline')) process.stdout.write(`\n---- inline ----\n${plan.comments.map((c) => `${c.path}:${c.line}\n${c.body}`).join('\n\n')}\n`);
