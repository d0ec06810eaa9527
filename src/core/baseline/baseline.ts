import type { Finding } from '../model.js';

/** Bumped when a field changes meaning; a baseline of another version is refused, not misread. */
export const BASELINE_VERSION = 1;

/**
 * The findings a repository has accepted for now, keyed by finding id (stable
 * across line moves). Entry refs are kept so that a new entry joining a known
 * collision counts as new: a baseline never hides a new entry's problem.
 */
export interface Baseline {
  version: number;
  tool: 'serviceentry-guard';
  findings: BaselineFinding[];
}

export interface BaselineFinding {
  id: string;
  rule: string;
  listener: string;
  entries: string[];
}

export interface BaselineComparison {
  /** Not in the baseline, or grown by entries it did not list: these count. */
  findings: Finding[];
  /** In the baseline with no new entry: reported as known, never failing. */
  baselined: Finding[];
  /** For findings whose id is in the baseline but which gained entries: those entries' refs. */
  grown: Record<string, string[]>;
}

export function toBaseline(findings: readonly Finding[]): Baseline {
  return {
    version: BASELINE_VERSION,
    tool: 'serviceentry-guard',
    findings: findings
      .map((f) => ({ id: f.id, rule: f.rule, listener: f.listener, entries: f.entries.map((e) => e.ref).sort() }))
      .sort((a, b) => a.id.localeCompare(b.id)),
  };
}

/** Sorted and indented, so a re-written baseline diffs line by line in review. */
export function serializeBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

export function parseBaseline(text: string): { baseline: Baseline } | { error: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { error: `is not JSON (${error instanceof Error ? error.message : String(error)}); write it with --write-baseline` };
  }
  if (typeof data !== 'object' || data === null || (data as { tool?: unknown }).tool !== 'serviceentry-guard') {
    return { error: 'is not a serviceentry-guard baseline (no "tool": "serviceentry-guard"); write it with --write-baseline' };
  }
  const { version, findings } = data as { version?: unknown; findings?: unknown };
  if (version !== BASELINE_VERSION) return { error: `has version ${JSON.stringify(version)}; this release reads version ${BASELINE_VERSION}: write it again with --write-baseline` };
  if (!Array.isArray(findings) || !findings.every(isBaselineFinding)) {
    return { error: 'has a "findings" list whose items are not {id, rule, listener, entries}; write it again with --write-baseline' };
  }
  return { baseline: { version, tool: 'serviceentry-guard', findings } };
}

function isBaselineFinding(item: unknown): item is BaselineFinding {
  if (typeof item !== 'object' || item === null) return false;
  const f = item as Record<string, unknown>;
  return typeof f['id'] === 'string' && typeof f['rule'] === 'string' && typeof f['listener'] === 'string'
    && Array.isArray(f['entries']) && f['entries'].every((e) => typeof e === 'string');
}

export function compareWithBaseline(findings: readonly Finding[], baseline: Baseline): BaselineComparison {
  const known = new Map(baseline.findings.map((f) => [f.id, new Set(f.entries)]));
  const result: BaselineComparison = { findings: [], baselined: [], grown: {} };
  for (const finding of findings) {
    const entries = known.get(finding.id);
    if (!entries) {
      result.findings.push(finding);
      continue;
    }
    const added = finding.entries.map((e) => e.ref).filter((ref) => !entries.has(ref));
    if (added.length === 0) {
      result.baselined.push(finding);
    } else {
      result.findings.push(finding);
      result.grown[finding.id] = added;
    }
  }
  return result;
}
