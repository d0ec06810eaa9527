import { analyze } from '../analysis/analyze.js';
import { loadSourceFile, mergeLoadResults, type LoadOptions } from '../load/load-sources.js';
import { entryRef, type Diagnostic, type LoadResult, type MeshOptions, type Severity, type SourceFile } from '../model.js';
import { applyChanges, type ChangedFile } from './apply-changes.js';
import { classifyFindings, introducesAtLeast, type Classification } from './classify.js';
import { suggestFixes, type FixSuggestion, type ManifestValidator } from '../fixes/suggest-fixes.js';
import { collectUsedAddresses } from '../fixes/vip-pool.js';

export type { ChangedFile } from './apply-changes.js';
export type { ClassifiedFinding, FindingStatus } from './classify.js';

export interface ReviewInput {
  /** The base branch's full set of candidate files, not only the changed ones. */
  baseFiles: SourceFile[];
  changes: ChangedFile[];
  defaultNamespace: string;
  mesh?: Partial<MeshOptions>;
  maxFileBytes?: number;
  /** Propose verified fixes for introduced findings; off when absent. */
  fixes?: { vipPool?: string; validate: ManifestValidator };
}

export interface ReviewReport extends Classification {
  /** Problems reading the head set's files. */
  diagnostics: Diagnostic[];
  /** Paths the change touches, so readers can tell its own bad files from old ones. */
  changedPaths: string[];
  baseEntryCount: number;
  headEntryCount: number;
  headFiles: SourceFile[];
  /** Verified fixes per introduced finding id, best first. */
  suggestions: Record<string, FixSuggestion[]>;
}

/**
 * Analyses the base set and the head set (base plus the change) and says what
 * the change introduces, resolves, and leaves as it was. Files the change does
 * not touch are parsed once and shared by both sides.
 */
export function reviewChange(input: ReviewInput): ReviewReport {
  const options: LoadOptions = { defaultNamespace: input.defaultNamespace, maxFileBytes: input.maxFileBytes };
  const cache = new Map<string, { text: string; part: LoadResult }>();
  const load = (files: readonly SourceFile[]) => mergeLoadResults(files.map((file) => {
    const cached = cache.get(file.path);
    if (cached && cached.text === file.text) return cached.part;
    const part = loadSourceFile(file, options);
    if (!cached) cache.set(file.path, { text: file.text, part });
    return part;
  }));

  const headFiles = applyChanges(input.baseFiles, input.changes);
  const baseLoaded = load(input.baseFiles);
  const headLoaded = load(headFiles);
  const baseRefs = new Set(baseLoaded.entries.map(entryRef));
  const newEntryRefs = new Set(headLoaded.entries.map(entryRef).filter((ref) => !baseRefs.has(ref)));

  const base = analyze(baseLoaded, { mesh: input.mesh });
  const head = analyze(headLoaded, { mesh: input.mesh, newEntryRefs });
  const changedPaths = new Set(input.changes.map((c) => c.path));
  const changedRefs = new Set(headLoaded.entries.filter((e) => changedPaths.has(e.location.path)).map(entryRef));
  const classification = classifyFindings(base, head, changedRefs);
  const suggestions: Record<string, FixSuggestion[]> = {};
  if (input.fixes && classification.introduced.length > 0) {
    const context = { baseLoaded, headLoaded, headFiles, newEntryRefs, defaultNamespace: input.defaultNamespace, mesh: input.mesh, vipPool: input.fixes.vipPool, validate: input.fixes.validate, baseAnalysis: base, headAnalysis: head };
    const used = collectUsedAddresses(headLoaded.entries);
    for (const c of classification.introduced) suggestions[c.finding.id] = suggestFixes(c.finding, c.newEntryRefs, context, used);
  }
  return {
    ...classification,
    suggestions,
    diagnostics: head.diagnostics,
    changedPaths: input.changes.flatMap((c) => (c.previousPath ? [c.path, c.previousPath] : [c.path])),
    baseEntryCount: base.entryCount,
    headEntryCount: head.entryCount,
    headFiles,
  };
}

/** Whether the required status check fails: an introduced finding at or above the level. */
export function failsAt(report: Pick<ReviewReport, 'introduced'>, level: Severity | 'never'): boolean {
  return introducesAtLeast(report, level);
}
