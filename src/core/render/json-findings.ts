import type { Finding, FindingEntry } from '../model.js';

/** An entry as the JSON report lists it: its per-namespace outcomes are in the finding's `namespaceOutcomes`. */
export type JsonFindingEntry = Omit<FindingEntry, 'winsFor' | 'losesFor'>;

/** Entries whose outcome differs by namespace in the same way, listed once with those namespaces. */
export interface NamespaceOutcomeGroup {
  /** Refs of the entries this group describes. */
  entries: string[];
  /** Where these entries' chain is the one Envoy keeps. */
  winsFor: string[];
  /** Where these entries' traffic goes elsewhere. */
  losesFor: string[];
}

export type JsonFinding = Omit<Finding, 'entries'> & { entries: JsonFindingEntry[]; namespaceOutcomes: NamespaceOutcomeGroup[] };

/**
 * Groups per-namespace outcomes: ten thousand public entries that all lose in
 * the same thousand namespaces are one group naming those namespaces once, so
 * the report grows with what differs, not with entries × namespaces.
 */
export function toJsonFinding(finding: Finding): JsonFinding {
  const groups = new Map<string, NamespaceOutcomeGroup>();
  // Entries share the arrays when their outcomes match (see the collision accumulator), so most lookups hit by identity.
  const keyOf = new Map<readonly string[], string>();
  const key = (list: readonly string[]) => {
    let k = keyOf.get(list);
    if (k === undefined) {
      k = JSON.stringify(list);
      keyOf.set(list, k);
    }
    return k;
  };
  const entries = finding.entries.map(({ winsFor, losesFor, ...entry }) => {
    if (winsFor.length + losesFor.length > 0) {
      const k = `${key(winsFor)}\u0000${key(losesFor)}`;
      const group = groups.get(k);
      if (group) group.entries.push(entry.ref);
      else groups.set(k, { entries: [entry.ref], winsFor, losesFor });
    }
    return entry;
  });
  // The finding's own key order, with the groups right after the entries they describe.
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(finding)) {
    out[k] = k === 'entries' ? entries : v;
    if (k === 'entries') out['namespaceOutcomes'] = [...groups.values()];
  }
  return out as JsonFinding;
}
