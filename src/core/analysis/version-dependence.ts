/**
 * A verdict that turns on a rule Istio changed between releases says so. The
 * entries are analysed again under each other version profile whose change
 * can matter here (ISTIO-SEMANTICS §10), and a finding whose outcome differs
 * there gets one sentence naming the releases and what happens in them. Only
 * inputs that touch a changed rule pay for the extra analyses: same-second
 * creation times, multi-host entries whose host order changed, one hostname in
 * several namespaces, VIP use that differs by release, Sidecars with only
 * exact hosts.
 */
import type { Diagnostic, Finding, LoadResult, MeshOptions, ServiceEntry } from '../model.js';
import { dnsCaptureFor, istioProfile, PROFILE_VERSIONS, usesAllocatedVips, type IstioProfile } from './istio-version.js';
import { importsByExactNames } from './visibility.js';

/** The rules that changed, each as a switch a profile sets. */
type Change = 'tieBreak' | 'hostCopies' | 'vips' | 'exactHosts' | 'entryVisibility';

export interface VersionInputs {
  loaded: LoadResult;
  mesh: MeshOptions;
  profile: IstioProfile;
  /** Hostnames defined in more than one namespace. */
  hasHostCopies: boolean;
}

/** Which other profiles could change a verdict for these inputs, each with the changes that could. */
export function versionsToCompare(inputs: VersionInputs): Array<{ version: string; changes: Change[] }> {
  const { loaded, mesh, profile } = inputs;
  const relevant = new Set<Change>();
  if (tieBreakMatters(loaded.entries)) relevant.add('tieBreak');
  if (inputs.hasHostCopies) relevant.add('hostCopies');
  if (loaded.sidecars.some(importsByExactNames)) relevant.add('exactHosts');
  // MeshConfig.serviceEntryVisibility caps sidecars' exportTo only from 1.31; before, the setting is inert for them.
  if (mesh.serviceEntryVisibility?.applyToSidecars) relevant.add('entryVisibility');
  const vipUse = vipSignature(mesh, profile);
  const out: Array<{ version: string; changes: Change[] }> = [];
  for (const version of PROFILE_VERSIONS) {
    const other = istioProfile(version);
    const changes: Change[] = [];
    if (relevant.has('tieBreak') && other.legacyTieBreak !== profile.legacyTieBreak) changes.push('tieBreak');
    if (relevant.has('hostCopies') && other.ownNamespaceHostFirst !== profile.ownNamespaceHostFirst) changes.push('hostCopies');
    if (vipSignature({ ...mesh, istioVersion: version }, other) !== vipUse) changes.push('vips');
    if (relevant.has('exactHosts') && other.exactHostsCreationOrder !== profile.exactHostsCreationOrder) changes.push('exactHosts');
    if (relevant.has('entryVisibility') && other.serviceEntryVisibility !== profile.serviceEntryVisibility) changes.push('entryVisibility');
    if (changes.length > 0) out.push({ version, changes });
  }
  return out;
}

/**
 * The other profiles under which any of these inputs could be analysed
 * differently: a profile no input touches decides every verdict as the mesh's
 * own release does, so checking it again proves nothing. Host copies are
 * counted before exportTo, a superset, so no profile that matters is skipped.
 */
export function profilesThatCanDiffer(inputs: readonly LoadResult[], mesh: MeshOptions): Set<string> {
  const profile = istioProfile(mesh.istioVersion);
  const versions = new Set<string>();
  for (const loaded of inputs) {
    for (const { version } of versionsToCompare({ loaded, mesh, profile, hasHostCopies: hasHostInSeveralNamespaces(loaded.entries) })) versions.add(version);
  }
  return versions;
}

function hasHostInSeveralNamespaces(entries: readonly ServiceEntry[]): boolean {
  const namespaceOf = new Map<string, string>();
  for (const e of entries) {
    for (const host of e.hosts) {
      const seen = namespaceOf.get(host);
      if (seen === undefined) namespaceOf.set(host, e.namespace);
      else if (seen !== e.namespace) return true;
    }
  }
  return false;
}

/**
 * Appends to each finding whose outcome differs in another profile one
 * sentence: the releases, the outcome there, and the rule that changed.
 */
export function withVersionNotes(findings: Finding[], profile: IstioProfile, others: ReadonlyArray<{ version: string; changes: Change[]; findings: readonly Finding[] }>): Finding[] {
  if (others.length === 0) return findings;
  const byId = others.map((o) => ({ ...o, byId: new Map(o.findings.map((f) => [f.id, f])) }));
  return findings.map((finding) => {
    const differences: Array<{ index: number; text: string }> = [];
    for (const other of byId) {
      const outcome = outcomeThere(finding, other.byId.get(finding.id));
      if (outcome) differences.push({ index: PROFILE_VERSIONS.indexOf(other.version), text: `${outcome} (${other.changes.map((c) => reason(c, istioProfile(other.version))).join('; ')})` });
    }
    if (differences.length === 0) return finding;
    const note = `Analysed as Istio ${profile.label}; this verdict depends on the version: ${mergeRanges(differences).join('; ')}.`;
    return { ...finding, explanation: `${finding.explanation} ${note}` };
  });
}

/** Findings shown as diagnostics when only other releases have them: at most this many, then a count. */
const MAX_ABSENT_SHOWN = 10;

/**
 * A collision this release avoids but another would have is a verdict too: one info
 * diagnostic each (grouped by release), at the entry that would be affected.
 */
export function onlyInOtherVersions(findings: readonly Finding[], profile: IstioProfile, others: ReadonlyArray<{ version: string; changes: Change[]; findings: readonly Finding[] }>): Diagnostic[] {
  const here = new Set(findings.map((f) => f.id));
  const absent = new Map<string, { finding: Finding; indexes: number[]; reasons: string[] }>();
  for (const other of others) {
    for (const f of other.findings) {
      if (here.has(f.id)) continue;
      let item = absent.get(f.id);
      if (!item) absent.set(f.id, item = { finding: f, indexes: [], reasons: [] });
      item.indexes.push(PROFILE_VERSIONS.indexOf(other.version));
      for (const c of other.changes) {
        const text = reason(c, istioProfile(other.version));
        if (!item.reasons.includes(text)) item.reasons.push(text);
      }
    }
  }
  const items = [...absent.values()].sort((a, b) => a.finding.port - b.finding.port || a.finding.id.localeCompare(b.finding.id));
  const out: Diagnostic[] = items.slice(0, MAX_ABSENT_SHOWN).map(({ finding, indexes, reasons }) => ({
    severity: 'info',
    code: 'version-dependent',
    message: `Istio ${mergeRanges(indexes.map((index) => ({ index, text: '' }))).map((r) => r.slice('in Istio '.length, -', '.length)).join(', ')} would report ${finding.rule} on ${finding.listener} (${finding.entries.slice(0, 3).map((e) => e.ref).join(', ')}${finding.entries.length > 3 ? ', …' : ''}), which Istio ${profile.label}, as analysed, avoids: there ${reasons.join('; ')}.`,
    location: finding.entries[0]?.portLocation ?? { path: '', line: 0, column: 0 },
  }));
  if (items.length > MAX_ABSENT_SHOWN) {
    out.push({ ...out[out.length - 1]!, message: `${items.length - MAX_ABSENT_SHOWN} more findings exist only in other Istio versions than ${profile.label}; set the version the mesh runs (istioVersion, --istio-version) to see them.` });
  }
  return out;
}

/** What the other profile makes of the same finding, or nothing when it agrees. */
function outcomeThere(finding: Finding, there: Finding | undefined): string | undefined {
  if (!there) return 'no such finding';
  const roles = (f: Finding) => f.entries.map((e) => `${e.ref}:${e.role}:${e.winsFor.join(',')}:${e.losesFor.join(',')}`).sort().join('\n');
  if (roles(finding) !== roles(there)) {
    // Name the entries that win somewhere there but nowhere here: that is the change a reader can check.
    const winsSomewhere = (f: Finding) => new Set(f.entries.filter((e) => e.role === 'winner' || e.winsFor.length > 0).map((e) => e.ref));
    const here = winsSomewhere(finding);
    const thereWins = winsSomewhere(there);
    const newWinners = [...thereWins].filter((ref) => !here.has(ref));
    const lostWinners = [...here].filter((ref) => !thereWins.has(ref));
    if (newWinners.length === 0 && lostWinners.length > 0) return `${lostWinners.slice(0, 2).join(', ')}${lostWinners.length > 2 ? ' and others' : ''} never win${lostWinners.length > 1 ? '' : 's'}`;
    if (newWinners.length === 0) return thereWins.size > 0 ? 'the winner differs by namespace' : 'which entry wins is undetermined';
    return `${newWinners.slice(0, 2).join(', ')}${newWinners.length > 2 ? ' and others' : ''} win${newWinners.length > 1 ? '' : 's'} instead`;
  }
  if (finding.severity !== there.severity) return `severity ${there.severity}`;
  if (finding.namespaces.join(',') !== there.namespaces.join(',')) return `seen by ${there.namespaces.map((n) => (n === '*' ? 'every other namespace' : n)).join(', ')}`;
  return undefined;
}

/** The releases each profile stands for, from the one it is named after to the next profile's. */
const FIRST = PROFILE_VERSIONS.map((v, i) => (i === 0 ? undefined : istioProfile(v).minor));
const LAST = PROFILE_VERSIONS.map((_, i) => (i + 1 < PROFILE_VERSIONS.length ? istioProfile(PROFILE_VERSIONS[i + 1]).minor - 1 : undefined));

function mergeRanges(differences: ReadonlyArray<{ index: number; text: string }>): string[] {
  const sorted = [...differences].sort((a, b) => a.index - b.index);
  const out: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1]!.index === sorted[j]!.index + 1 && sorted[j + 1]!.text === sorted[i]!.text) j++;
    out.push(`in Istio ${rangeLabel(FIRST[sorted[i]!.index], LAST[sorted[j]!.index])}, ${sorted[i]!.text}`);
    i = j + 1;
  }
  return out;
}

function rangeLabel(first: number | undefined, last: number | undefined): string {
  if (first === undefined) return `1.${last} and earlier`;
  if (last === undefined) return `1.${first} and later`;
  return first === last ? `1.${first}` : `1.${first}–1.${last}`;
}

function reason(change: Change, there: IstioProfile): string {
  switch (change) {
    case 'tieBreak':
      return there.legacyTieBreak ? 'same-second creation ties compare the string host.namespace' : 'same-second creation ties compare the hostname, then the namespace';
    case 'hostCopies':
      return there.ownNamespaceHostFirst ? 'a sidecar keeps its own namespace\'s copy of a hostname' : 'a sidecar keeps the first imported copy of a hostname, not its own namespace\'s';
    case 'vips':
      return there.allocationOnByDefault
        ? 'istiod allocates VIPs by default and sidecars with DNS capture use them'
        : there.ownNamespaceHostFirst
          ? 'sidecars with DNS capture use status.addresses, but istiod allocates no VIPs unless PILOT_ENABLE_IP_AUTOALLOCATE is on'
          : 'sidecars use neither istiod-allocated VIPs nor status.addresses (only ISTIO_META_DNS_AUTO_ALLOCATE gives them VIPs)';
    case 'exactHosts':
      return there.exactHostsCreationOrder
        ? 'a Sidecar with only exact, namespaced egress hosts keeps plain creation order'
        : 'private and named-export entries go first even under a Sidecar with only exact hosts';
    case 'entryVisibility':
      return there.serviceEntryVisibility
        ? 'MeshConfig serviceEntryVisibility with applyToSidecars caps each entry\'s exportTo by its namespace\'s visibility'
        : 'sidecars ignore MeshConfig serviceEntryVisibility';
  }
}

/** Whether any consumer's use of VIPs changes with the profile: mesh-wide and per namespace. */
function vipSignature(mesh: MeshOptions, profile: IstioProfile): string {
  const namespaces = [undefined, ...Object.keys(mesh.dnsCaptureByNamespace ?? {}).sort()];
  return namespaces.map((ns) => `${usesAllocatedVips(mesh, ns)}${profile.ownNamespaceHostFirst && dnsCaptureFor(mesh, ns)}`).join('|');
}

/**
 * Istio ≤1.22 and 1.23+ order differently only what ties on creation time:
 * entries sharing a recorded timestamp, or the hosts of one entry whose order
 * as `host.namespace` differs from their order as hostnames.
 */
function tieBreakMatters(entries: readonly ServiceEntry[]): boolean {
  const seen = new Set<number>();
  for (const e of entries) {
    if (e.creationTimestamp !== undefined) {
      if (seen.has(e.creationTimestamp)) return true;
      seen.add(e.creationTimestamp);
    }
    if (e.hosts.length > 1) {
      const plain = [...e.hosts].sort();
      const legacy = [...e.hosts].sort((a, b) => (`${a}.${e.namespace}` < `${b}.${e.namespace}` ? -1 : 1));
      if (plain.some((h, i) => h !== legacy[i])) return true;
    }
  }
  return false;
}
