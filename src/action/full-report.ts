import { writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { UploadArtifact } from '../adapters/github/report-artifact.js';

export interface FullReportDeps {
  /** The upload-report input. */
  enabled: boolean;
  /** Which of GitHub's limits this run's outputs hit, named for the log; empty when nothing was cut. */
  limitsHit: readonly string[];
  /** report.json; the markdown is written beside it, and the SARIF there is uploaded too when present. */
  reportPath: string;
  sarifPath: string | undefined;
  markdown: string;
  upload: UploadArtifact;
  artifactName: string;
  log: (message: string) => void;
}

/** What a cut note says about where the rest is, and the link when there is one. */
export interface FullReportPointer {
  hint: string;
  url?: string;
}

/**
 * Keeps the uncut report beyond the job when a comment, the inline comments
 * or the job summary had to be cut: report.md beside report.json, both
 * uploaded as one workflow artifact. Any failure (no artifact service, as
 * outside a runner) costs one log line and a pointer to what remains;
 * it never fails the check.
 */
export async function keepFullReport(deps: FullReportDeps): Promise<FullReportPointer> {
  const stay: FullReportPointer = { hint: 'The full report is in this check run\'s job summary and in the JSON file named by the report-json output.' };
  if (deps.limitsHit.length === 0) return stay;
  const markdownPath = join(dirname(deps.reportPath), 'report.md');
  await writeFile(markdownPath, deps.markdown);
  if (!deps.enabled) return stay;
  const files = [deps.reportPath, markdownPath, ...(deps.sarifPath ? [deps.sarifPath] : [])];
  const result = await deps.upload(deps.artifactName, files, dirname(deps.reportPath));
  if (!result.uploaded) {
    deps.log(`The full report was not uploaded as an artifact (${result.reason}); it is in the job summary and at ${deps.reportPath}.`);
    return stay;
  }
  deps.log(`Cut to fit ${deps.limitsHit.join(' and ')}: the full report (${files.map((f) => basename(f)).join(', ')}) is the workflow artifact ${result.name}${result.url ? `: ${result.url}` : ''}.`);
  return { hint: `The full report (JSON, markdown and SARIF) is the workflow artifact \`${result.name}\` of this run.`, ...(result.url ? { url: result.url } : {}) };
}
