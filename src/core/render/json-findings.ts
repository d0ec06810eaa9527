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

/** Entries a finding does not list because other findings of the report list every one of them. */
export interface OmittedEntries {
  count: number;
  /** Ids of the findings (same mesh and listener) that list them all. */
  listedIn: string[];
}

export type JsonFinding = Omit<Finding, 'entries'> & { entries: JsonFindingEntry[]; omittedEntries?: OmittedEntries; namespaceOutcomes: NamespaceOutcomeGroup[] };

/** How many candidate holders a port-capture finding lists when the listener's collision findings list them all. */
export const LISTED_CAPTURE_CANDIDATES = 20;

/**
 * Without creation times, every match-all entry of a port may hold its chain (tcp-captures-port), and
 * those are exactly the entries the listener's collision findings already list: on a port a hundred
 * thousand entries share, repeating them doubled the report for nothing a person reads. Such a finding
 * lists its first candidates and names the findings that list the rest; its id, fingerprint, roles and
 * per-namespace outcomes stay whole.
 */
export function omittedCaptureEntries(findings: readonly Finding[]): Map<Finding, OmittedEntries> {
  const out = new Map<Finding, OmittedEntries>();
  const large = findings.filter((f) => f.rule === 'tcp-captures-port' && f.entries.length > LISTED_CAPTURE_CANDIDATES);
  if (large.length === 0) return out;
  const where = (f: Finding) => `${f.mesh}\u0000${f.listener}`;
  const others = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.rule === 'tcp-captures-port') continue;
    const key = where(f);
    if (!others.has(key)) others.set(key, []);
    others.get(key)!.push(f);
  }
  for (const capture of large) {
    const rest = capture.entries.slice(LISTED_CAPTURE_CANDIDATES);
    const missing = new Set(rest.map((e) => e.ref));
    const listedIn: string[] = [];
    for (const other of others.get(where(capture)) ?? []) {
      let covers = false;
      for (const e of other.entries) if (missing.delete(e.ref)) covers = true;
      if (covers) listedIn.push(other.id);
      if (missing.size === 0) break;
    }
    if (missing.size === 0) out.set(capture, { count: rest.length, listedIn });
  }
  return out;
}

/**
 * Groups per-namespace outcomes: ten thousand public entries that all lose in
 * the same thousand namespaces are one group naming those namespaces once, so
 * the report grows with what differs, not with entries × namespaces.
 */
export function toJsonFinding(finding: Finding, omitted?: OmittedEntries): JsonFinding {
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
  // Omitted entries still count in the groups; only the listed ones are copied.
  const listed = finding.entries.length - (omitted?.count ?? 0);
  const entries: JsonFindingEntry[] = [];
  finding.entries.forEach((entry, i) => {
    const { winsFor, losesFor } = entry;
    if (winsFor.length + losesFor.length > 0) {
      const k = `${key(winsFor)}\u0000${key(losesFor)}`;
      const group = groups.get(k);
      if (group) group.entries.push(entry.ref);
      else groups.set(k, { entries: [entry.ref], winsFor, losesFor });
    }
    if (i < listed) entries.push(jsonEntry(entry));
  });
  // The finding's own key order, with the groups right after the entries they describe.
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(finding)) {
    out[k] = k === 'entries' ? entries : v;
    if (k === 'entries' && omitted) out['omittedEntries'] = omitted;
    if (k === 'entries') out['namespaceOutcomes'] = [...groups.values()];
  }
  return out as JsonFinding;
}

/**
 * An entry without its per-namespace lists, written out field by field in FindingEntry's order: a rest
 * spread copies the same properties several times slower, and a finding can hold 100k entries.
 * `Required` makes a field added to FindingEntry, optional or not, a type error here until it is copied too.
 */
function jsonEntry(e: FindingEntry): JsonFindingEntry {
  return { ref: e.ref, name: e.name, namespace: e.namespace, hosts: e.hosts, protocol: e.protocol, role: e.role, location: e.location, portLocation: e.portLocation } satisfies Required<JsonFindingEntry>;
}
