import { SEVERITY_RANK, type AnalysisResult, type Finding, type Severity } from '../model.js';

export type FindingStatus = 'introduced' | 'resolved' | 'existing';

export interface ClassifiedFinding {
  status: FindingStatus;
  /** The head finding, or the base one for a resolved finding. */
  finding: Finding;
  /** Entries this change brought into the collision (none for existing and resolved ones). */
  newEntryRefs: string[];
}

export interface Classification {
  introduced: ClassifiedFinding[];
  resolved: ClassifiedFinding[];
  existing: ClassifiedFinding[];
}

/**
 * Sorts head findings into what the change introduces and what was already
 * there, and base findings into what it resolves. A collision the change
 * joins with a new entry, or makes more severe, counts as introduced: the
 * change is what makes that entry's traffic go astray.
 */
export function classifyFindings(base: AnalysisResult, head: AnalysisResult, changedRefs?: ReadonlySet<string>, addedRefs?: ReadonlySet<string>): Classification {
  const baseById = new Map(base.findings.map((f) => [f.id, f]));
  const headIds = new Set(head.findings.map((f) => f.id));
  const out: Classification = { introduced: [], resolved: [], existing: [] };
  for (const finding of head.findings) {
    const before = baseById.get(finding.id);
    if (!before) {
      // A brand-new collision: the entries the change added are what it brought; else those in files it
      // touched; without either, all members. An entry the base branch already had (say, one main added
      // to a file this change also edits) is never the change's own.
      const members = finding.entries.map((e) => e.ref);
      const added = addedRefs ? members.filter((ref) => addedRefs.has(ref)) : [];
      const own = added.length > 0 ? added : changedRefs ? members.filter((ref) => changedRefs.has(ref)) : [];
      out.introduced.push({ status: 'introduced', finding, newEntryRefs: own.length > 0 ? own : members });
      continue;
    }
    const known = memberRefsOf(before);
    const joined: string[] = [];
    for (const e of finding.entries) if (!known.has(e.ref)) joined.push(e.ref);
    const worse = SEVERITY_RANK[finding.severity] > SEVERITY_RANK[before.severity];
    if (joined.length > 0 || worse) out.introduced.push({ status: 'introduced', finding, newEntryRefs: joined });
    else out.existing.push({ status: 'existing', finding, newEntryRefs: [] });
  }
  for (const finding of base.findings) {
    if (!headIds.has(finding.id)) out.resolved.push({ status: 'resolved', finding, newEntryRefs: [] });
  }
  return out;
}

const knownRefs = new WeakMap<Finding, ReadonlySet<string>>();

/**
 * A base finding's member refs, gathered once: fix verification classifies against the same base
 * findings for every candidate, and one finding can hold 100k members.
 */
export function memberRefsOf(finding: Finding): ReadonlySet<string> {
  let refs = knownRefs.get(finding);
  if (!refs) knownRefs.set(finding, refs = new Set(finding.entries.map((e) => e.ref)));
  return refs;
}

/** The status check: does the change introduce a finding at or above the level? */
export function introducesAtLeast(classification: Pick<Classification, 'introduced'>, level: Severity | 'never'): boolean {
  if (level === 'never') return false;
  return classification.introduced.some((c) => SEVERITY_RANK[c.finding.severity] >= SEVERITY_RANK[level]);
}
