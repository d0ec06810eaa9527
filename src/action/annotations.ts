import type { Diagnostic, Finding, Severity } from '../core/model.js';
import type { ClassifiedFinding } from '../core/review/review-change.js';
import type { ActionIo, AnnotationLevel } from './io.js';

/**
 * GitHub keeps at most 10 error, 10 warning and 10 notice annotations per
 * step (and 50 per job) and drops the rest. One error is kept free for the
 * failure reason setFailed writes, so the reason is never the one dropped.
 */
const PER_LEVEL: Record<AnnotationLevel, number> = { error: 9, warning: 10, notice: 10 };

const LEVEL: Record<Severity, AnnotationLevel> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * Marks the lines in the Files changed view: each entry the change brought
 * into a collision, on its port line; and files of the change that could not
 * be read. Works with a read-only token, so fork pull requests get them too.
 */
export function annotate(io: ActionIo, introduced: readonly ClassifiedFinding[], diagnostics: readonly Diagnostic[], changedPaths: ReadonlySet<string>): number {
  let count = 0;
  const used: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  let dropped = 0;
  const emit = (level: AnnotationLevel, message: string, file: string, startLine: number, title: string) => {
    if (used[level] >= PER_LEVEL[level]) {
      dropped++;
      return;
    }
    io.annotate(level, message, { file, startLine, title });
    used[level]++;
    count++;
  };
  for (const { finding, newEntryRefs } of introduced) {
    const own = new Set(newEntryRefs);
    const entries = finding.entries.filter((e) => own.has(e.ref));
    for (const entry of entries.length > 0 ? entries : finding.entries) {
      emit(LEVEL[finding.severity], findingMessage(finding), entry.portLocation.path, entry.portLocation.line, `${finding.rule} on ${finding.listener} in mesh ${finding.mesh}`);
    }
  }
  for (const d of diagnostics) {
    if (changedPaths.has(d.location.path)) emit(d.severity === 'info' ? 'notice' : 'warning', d.message, d.location.path, d.location.line, `ServiceEntry Guard could not read this: ${d.code}`);
  }
  if (dropped > 0) io.info(`${dropped} more annotation${dropped > 1 ? 's' : ''} not written: GitHub keeps at most 10 of each level per step (one error is kept for the failure reason). The job summary has every finding.`);
  return count;
}

function findingMessage(f: Finding): string {
  return `${f.title}\n\n${f.explanation}${f.fixes.length > 0 ? `\n\nFix: ${f.fixes[0]}` : ''}`;
}
