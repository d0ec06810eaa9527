import { analyze, listenerMembersFor } from '../analysis/analyze.js';
import { isRealExternalHost, tlsFixApplies } from '../analysis/client-protocols.js';
import { DEFAULT_ISTIO_VERSION, PROFILE_VERSIONS } from '../analysis/istio-version.js';
import { profilesThatCanDiffer } from '../analysis/version-dependence.js';
import { loadSourceFile } from '../load/load-sources.js';
import { DEFAULT_MESH_OPTIONS, entryRef, type AnalysisResult, type Finding, type LoadResult, type MeshOptions, type ServiceEntry, type SourceFile } from '../model.js';

import { classifyFindings, memberRefsOf } from '../classify/classify-findings.js';
import { applyEdits, manifestValueAt, addAddress, setAddresses, setExportTo, setPortNumber, setPortProtocol, type ManifestEdit } from './manifest-edits.js';
import { lineChanges, type LineChange } from './line-changes.js';
import { collectUsedAddresses, DEFAULT_VIP_POOL, pickVip, type UsedAddresses } from './vip-pool.js';
import { parseAddress } from '../analysis/addresses.js';
import { patchRenderedSource, type RenderedSource } from './rendered-sources.js';
import { candidateScope, decidedBy, decidingSubset, hostGroupOf, indexEntries, listenersUnder, onListeners, pairPatchedFiles, patchedSubset, relateToBase, type BaseRelation, type EntryIndex, type ListenersOf, type PatchedFiles } from './candidate-scope.js';

export type FixKind = 'restore' | 'tls' | 'addresses' | 'export-to' | 'port';

export interface FixSuggestion {
  findingId: string;
  kind: FixKind;
  title: string;
  cost: string;
  /** One run of lines per file touched, in the head commit's numbering. */
  changes: LineChange[];
}

/** Checks a patched manifest as the API server would (schema and CEL rules); returns its complaints. */
export type ManifestValidator = (manifest: unknown) => Array<{ path: string; message: string }>;

export interface FixContext {
  baseLoaded: LoadResult;
  headLoaded: LoadResult;
  headFiles: readonly SourceFile[];
  newEntryRefs: ReadonlySet<string>;
  defaultNamespace: string;
  mesh?: Partial<MeshOptions>;
  /** The base side's mesh options, when known: a group is taken to be decided as the base decided it only when they are the head's. */
  baseMesh?: Partial<MeshOptions>;
  /** The mesh under review: re-analyses must give its finding ids. */
  meshName?: string;
  vipPool?: string;
  validate: ManifestValidator;
  /**
   * The review's own analyses of the base and head sets; computed once here when absent. Only findings'
   * ids, ports, members and severities are read: the review's base may be scoped to the change (its
   * findings off the change's ports are the head's twins, see review/scoped-base.ts).
   */
  baseAnalysis?: AnalysisResult;
  headAnalysis?: AnalysisResult;
  /** Ids the review found the head introducing over the base (from those analyses); computed here when absent. */
  headIntroduced?: ReadonlySet<string>;
  /** Rendered entries by the repository file they came from: their fixes edit that file (see rendered-sources). */
  rendered?: ReadonlyMap<string, RenderedSource>;
  /**
   * Verify each candidate against the whole repository rather than the part it can affect (see
   * candidate-scope): slower, the same verdicts; the reference the scoped verification is tested against.
   */
  wholeVerification?: boolean;
}

const MAX_TLS_EDITS = 5;
/** A finding holding at least 1/PROBE_SHARE of the side's entries is first probed from one view (provedStillIntroduced). */
const PROBE_SHARE = 10;
const FIXABLE_RULES = new Set(['tcp-shadowed', 'tls-shadowed', 'multi-host-tcp', 'tcp-captures-tls-port', 'http-tcp-sniffing', 'well-known-port-protocol', 'tcp-captures-port']);
/** Rules whose every member keeps its chain: the fix targets them all, not the losers. */
const ALL_MEMBERS_RULES = new Set(['tcp-captures-port', 'http-tcp-sniffing', 'tcp-captures-tls-port']);

const COST: Record<FixKind, string> = {
  restore: 'Undoes this part of the change: whatever removing it was meant to achieve is lost, and the entry behaves as on the base branch.',
  tls: 'Clients must speak TLS with SNI on this port; Envoy can no longer originate TLS here.',
  addresses: 'The VIP only helps clients that connect to it: through Istio DNS capture (which answers with spec.addresses) or by being given the IP. With plain DNS they still reach the real IP and the wildcard listener.',
  'export-to': 'Workloads in other namespaces no longer see this entry.',
  port: 'Every client of the entry must use the new port.',
};

/**
 * Proposes fixes for one introduced finding, best first, and keeps only
 * those that provably work: applied to the head set and re-analysed, the
 * finding's new part is gone, nothing else new appears, and every patched
 * manifest passes the ServiceEntry CRD schema and CEL rules.
 */
export function suggestFixes(finding: Finding, newRefsInFinding: readonly string[], context: FixContext, usedAddresses: UsedAddresses = collectUsedAddresses(context.headLoaded.entries)): FixSuggestion[] {
  if (!FIXABLE_RULES.has(finding.rule)) return [];
  const used = withAllocationPrefix(usedAddresses, context.mesh?.autoAllocatePrefix);
  const byRef = perReview(context, 'headByRef', () => new Map(context.headLoaded.entries.map((e) => [entryRef(e), e])));
  const members = finding.entries.map((e) => byRef.get(e.ref)).filter((e): e is ServiceEntry => e !== undefined);
  const targets = pickTargets(finding, newRefsInFinding, byRef);
  const out: FixSuggestion[] = [];
  for (const candidate of candidates(finding, members, targets, context, used)) {
    const changes = verify(finding, candidate.edits, context);
    if (changes) out.push({ findingId: finding.id, kind: candidate.kind, title: candidate.title, cost: COST[candidate.kind], changes });
  }
  return out;
}

/** The pull request's own entries where it has any in the finding; they are the ones it can change freely. */
function pickTargets(finding: Finding, newRefs: readonly string[], byRef: Map<string, ServiceEntry>): ServiceEntry[] {
  const own = newRefs.map((r) => byRef.get(r)).filter((e): e is ServiceEntry => e !== undefined);
  if (own.length > 0) return own;
  if (ALL_MEMBERS_RULES.has(finding.rule) && finding.entries.every((e) => e.role === 'winner')) {
    return finding.entries.map((e) => byRef.get(e.ref)).filter((e): e is ServiceEntry => e !== undefined);
  }
  return finding.entries.filter((e) => e.role !== 'winner').map((e) => byRef.get(e.ref)).filter((e): e is ServiceEntry => e !== undefined);
}

interface Candidate {
  kind: FixKind;
  title: string;
  edits: ManifestEdit[];
}

function candidates(finding: Finding, members: ServiceEntry[], targets: ServiceEntry[], context: FixContext, used: UsedAddresses): Candidate[] {
  const port = finding.port;
  const list: Candidate[] = [];
  const tcpLike = (e: ServiceEntry) => e.ports.some((p) => p.number === port && (p.protocol === 'TCP' || p.protocol === ''));
  const edit = (e: ServiceEntry, make: (path: string, at: ServiceEntry['location']) => ManifestEdit) => make(e.location.path, e.location);

  // TLS must cover every TCP-like member: one left on TCP would become the default chain. Only where
  // clients start with a TLS ClientHello (443-like ports, ports named tls/https): MySQL, PostgreSQL,
  // Redis, MongoDB or SMTP negotiate TLS inside their own protocol, so SNI matching would never see a name.
  const tlsMembers = upTo(MAX_TLS_EDITS + 1, members, tcpLike);
  // Beyond a handful of entries this stops being a suggestion a reviewer can take in one click (and a
  // 100k-member finding is not walked again to say so).
  const tls: Candidate | undefined = tlsMembers.length > 0 && tlsMembers.length <= MAX_TLS_EDITS && tlsFixApplies(port, tlsMembers) && members.every((e) => tcpLike(e) || protocolOn(e, port) === 'TLS')
    ? { kind: 'tls', title: `Declare port ${port} as TLS on ${tlsMembers.map(entryRef).join(', ')}: SNI tells the hosts apart`, edits: tlsMembers.map((e) => edit(e, (p, d) => setPortProtocol(p, d, port, 'TLS'))) }
    : undefined;

  const taken = new Set<string>();
  const vipEdits: ManifestEdit[] = [];
  const vips: string[] = [];
  for (const target of targets) {
    if (target.addresses.length > 0) continue;
    const vip = pickVip(context.vipPool ?? DEFAULT_VIP_POOL, entryRef(target), used, taken);
    if (!vip) continue;
    taken.add(vip);
    vips.push(`${entryRef(target)} → ${vip}`);
    vipEdits.push(edit(target, (p, d) => addAddress(p, d, vip)));
  }
  const addresses: Candidate | undefined = vipEdits.length > 0
    ? { kind: 'addresses', title: `Give ${vips.join(', ')} its own listener address from the VIP pool (it helps only clients that connect to the VIP: DNS capture, or clients given the IP)`, edits: vipEdits }
    : undefined;

  const scoped = targets.filter((t) => t.namespaceExplicit && !(t.exportTo?.length === 1 && t.exportTo[0] === '.'));
  const exportTo: Candidate | undefined = scoped.length > 0
    ? { kind: 'export-to', title: `Export ${scoped.map(entryRef).join(', ')} only to ${scoped.length > 1 ? 'their own namespaces' : `namespace ${scoped[0]!.namespace}`}`, edits: scoped.map((e) => edit(e, (p, d) => setExportTo(p, d, ['.']))) }
    : undefined;

  const free = freePort(port, perReview(context, 'usedPorts', () => portsOf(context.headLoaded.entries)));
  // The port of a real external service is its operator's, not ours to move.
  const movePort: Candidate | undefined = free !== undefined && targets.length > 0 && !targets.some(isRealExternalHost)
    ? { kind: 'port', title: `Move ${targets.map(entryRef).join(', ')} from port ${port} to ${free}`, edits: targets.map((e) => edit(e, (p, d) => setPortNumber(p, d, port, free))) }
    : undefined;

  // Fixes that work without DNS capture first; a VIP helps only clients that connect to it. Before all of
  // them, undoing the change's own removal: the base branch shows that state worked.
  const ordered = [restoreRemoved(members, context), tls, exportTo, addresses, movePort];
  for (const c of ordered) if (c) list.push(c);
  return list;
}

/**
 * Where the change removed what kept an entry off the shared listener (its
 * spec.addresses, or an exportTo that hid it from other namespaces), putting
 * it back as the base branch had it. Only entries that exist on both sides;
 * verified like every other fix.
 */
function restoreRemoved(members: readonly ServiceEntry[], context: FixContext): Candidate | undefined {
  const baseByRef = perReview(context, 'baseByRef', () => new Map(context.baseLoaded.entries.map((e) => [entryRef(e), e])));
  const edits: ManifestEdit[] = [];
  const said: string[] = [];
  const same = (a: readonly string[] | undefined, b: readonly string[] | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  for (const head of members) {
    const base = baseByRef.get(entryRef(head));
    if (!base) continue;
    if (base.addresses.length > 0 && base.addresses.some((a) => !head.addresses.includes(a))) {
      edits.push(setAddresses(head.location.path, head.location, [...base.addresses]));
      said.push(`spec.addresses ${JSON.stringify(base.addresses)} on ${entryRef(head)}`);
    }
    if (base.exportTo !== undefined && !same(base.exportTo, head.exportTo)) {
      edits.push(setExportTo(head.location.path, head.location, [...base.exportTo]));
      said.push(`exportTo ${JSON.stringify(base.exportTo)} on ${entryRef(head)}`);
    }
  }
  return edits.length > 0 ? { kind: 'restore', title: `Restore what this change removed: ${said.join(', ')}, as on the base branch`, edits } : undefined;
}

/** Suggested VIPs stay out of the range istiod allocates from (PILOT_IP_AUTOALLOCATE_IPV4_PREFIX, default 240.240.0.0/16). */
function withAllocationPrefix(used: UsedAddresses, prefix: string | undefined): UsedAddresses {
  const parsed = parseAddress(prefix ?? '240.240.0.0/16');
  if (parsed.kind !== 'cidr') return used;
  return { ips: used.ips, cidrs: [...used.cidrs, [parsed.network, parsed.bits]] };
}

/** The first `limit` items that pass, in order: enough to tell whether there are more than `limit - 1`. */
function upTo<T>(limit: number, items: readonly T[], passes: (item: T) => boolean): T[] {
  const out: T[] = [];
  for (const item of items) {
    if (!passes(item)) continue;
    out.push(item);
    if (out.length === limit) break;
  }
  return out;
}

function protocolOn(entry: ServiceEntry, port: number): string | undefined {
  return entry.ports.find((p) => p.number === port)?.protocol;
}

/** Every port number the entries declare; loops, not flatMap: one array per entry of 100k. */
function portsOf(entries: readonly ServiceEntry[]): Set<number> {
  const ports = new Set<number>();
  for (const e of entries) for (const p of e.ports) ports.add(p.number);
  return ports;
}

/** A port no entry uses, so the moved entry is alone there: the same number in a higher range, readable as related. */
function freePort(port: number, usedPorts: ReadonlySet<number>): number | undefined {
  for (let candidate = port + 10_000; candidate <= 65_535; candidate += 10_000) if (!usedPorts.has(candidate)) return candidate;
  for (let candidate = 30_000; candidate <= 65_535; candidate++) if (!usedPorts.has(candidate)) return candidate;
  return undefined;
}

/**
 * Applies the edits to the head files and re-analyses the patched head: the
 * finding must be gone and nothing else new, under the mesh's release and every
 * release that could decide these inputs differently. Only the deciding subset
 * is analysed (see candidate-scope): on those ports, and for the host-splits of
 * the hostnames it names, it finds exactly what the whole repository would,
 * and every other finding is the same with or without the candidate.
 */
function verify(finding: Finding, edits: readonly ManifestEdit[], context: FixContext): LineChange[] | undefined {
  const original = new Map(context.headFiles.map((f) => [f.path, f.text]));
  const patched = new Map<string, string>();
  const byFile = new Map<string, ManifestEdit[]>();
  for (const edit of edits) byFile.set(edit.path, [...(byFile.get(edit.path) ?? []), edit]);
  const loadOptions = { defaultNamespace: context.defaultNamespace };
  const patchedByPath = new Map<string, ServiceEntry[]>();
  for (const [path, fileEdits] of byFile) {
    const text = original.get(path);
    if (text === undefined) {
      // Not a plain file: a rendered entry is fixed in its source file, and verified on the render that edit gives.
      const source = context.rendered?.get(path);
      const render = source && patchRenderedSource(source, fileEdits, context.validate);
      if (!render) return undefined;
      original.set(path, source.source!.text);
      patched.set(path, render.sourceText);
      patchedByPath.set(path, render.entries);
      continue;
    }
    // Where each edited manifest sits after all edits of the file: lines added above move it.
    const applied = applyEdits(text, fileEdits);
    if (!applied) return undefined;
    patched.set(path, applied.text);
    const part = loadSourceFile({ path, text: applied.text }, loadOptions);
    if (part.diagnostics.some((d) => d.severity === 'error')) return undefined;
    patchedByPath.set(path, part.entries);
    if (!applied.locations.every((at) => { const m = manifestValueAt(applied.text, at); return m !== undefined && context.validate(m).length === 0; })) return undefined;
  }

  const works = context.wholeVerification ? worksOnWhole(finding, patchedByPath, context) : worksOnScope(finding, patchedByPath, context);
  if (!works) return undefined;
  const changes: LineChange[] = [];
  for (const [path, text] of patched) changes.push(...lineChanges(path, original.get(path)!, text));
  return changes;
}

/** The head's entries indexed for scoping, once per review. */
function headIndex(context: FixContext): EntryIndex {
  return perReview(context, 'headIndex', () => indexEntries(context.headLoaded.entries));
}

/** The base's: its deciding subsets answer other releases' lookups. */
function baseIndex(context: FixContext): EntryIndex {
  return perReview(context, 'baseIndex', () => indexEntries(context.baseLoaded.entries));
}

/**
 * The head's relation to the base (see candidate-scope), once per review; undefined unless the review
 * analysed both sides with the same mesh options and the very same Sidecars, so a group both sides hold
 * alike is decided alike.
 */
function baseRelation(context: FixContext): BaseRelation | undefined {
  return perReview(context, 'baseRelation', () => {
    const sameMesh = JSON.stringify({ ...DEFAULT_MESH_OPTIONS, ...context.baseMesh }) === JSON.stringify({ ...DEFAULT_MESH_OPTIONS, ...context.mesh });
    const { sidecars } = context.headLoaded;
    const sameSidecars = sidecars.length === context.baseLoaded.sidecars.length && sidecars.every((s, i) => s === context.baseLoaded.sidecars[i]);
    return context.baseMesh !== undefined && sameMesh && sameSidecars ? relateToBase(context.baseLoaded.entries, context.headLoaded.entries) : undefined;
  });
}

/** Ids the head introduces over the base under the mesh's own release, from the review's analyses. */
function headIntroducedIds(context: FixContext): ReadonlySet<string> {
  if (context.headIntroduced) return context.headIntroduced;
  return perReview(context, 'headIntroduced', () => {
    const whole = wholeAnalyses(context);
    return new Set(classifyFindings(whole.base, whole.head).introduced.map((c) => c.finding.id));
  });
}

/** A comparison-only analysis of entries of the head side (or, with `sidecars`, of another side), under the mesh's release or another. */
function analyzeFor(context: FixContext, entries: ServiceEntry[], istioVersion?: string, sidecars: LoadResult['sidecars'] = context.headLoaded.sidecars): AnalysisResult {
  const mesh = istioVersion === undefined ? context.mesh : { ...context.mesh, istioVersion };
  return analyze({ entries, sidecars, diagnostics: [] }, { mesh, meshName: context.meshName, newEntryRefs: context.newEntryRefs, forComparison: true });
}

/**
 * The verdict from the deciding subsets. The mesh's own release compares the patched subset with the
 * review's own analyses (ids are looked up, so every base finding is at hand); other releases analyse
 * the base and head subsets, shared by every candidate with the same scope.
 */
function worksOnScope(finding: Finding, patchedByPath: ReadonlyMap<string, readonly ServiceEntry[]>, context: FixContext): boolean {
  const head = headIndex(context);
  const patchedFiles = pairPatchedFiles(head, patchedByPath);
  const meshOptions: MeshOptions = { ...DEFAULT_MESH_OPTIONS, ...context.mesh };
  const listenersOf = perReview(context, 'listenersOf', () => listenersUnder(meshOptions));
  const scope = candidateScope(finding, patchedFiles, head, listenersOf, baseRelation(context));
  // The candidate leaves the finding's group as the head has it: the finding stands, introduced as before.
  if (!scope.touchesFinding) return false;
  if (provedStillIntroduced(finding, patchedFiles, listenersOf, context)) return false;
  const decided = decidedBy(scope);
  const sides = perReview(context, `scope|${scope.key}`, (): ScopeSides => {
    const onListener = onListeners(scope.listeners, listenersOf);
    const headSubset = decidingSubset(head, onListener, scope.seeds);
    // The base side answers other releases' lookups by id, for decided groups only.
    const base = baseIndex(context);
    const baseSubset = decidingSubset(base, onListener, scope.hosts);
    const headEntries = headSubset.indexes.map((i) => head.entries[i]!);
    const baseEntries = baseSubset.indexes.map((i) => base.entries[i]!);
    const asLoaded = (entries: ServiceEntry[], sidecars: LoadResult['sidecars']): LoadResult => ({ entries, sidecars, diagnostics: [] });
    return {
      headSubset: headSubset.indexes,
      headEntries,
      baseEntries,
      canDiffer: profilesThatCanDiffer([asLoaded(baseEntries, context.baseLoaded.sidecars), asLoaded(headEntries, context.headLoaded.sidecars)], meshOptions),
    };
  });
  const afterEntries = patchedSubset(head, sides.headSubset, patchedFiles);

  const whole = wholeAnalyses(context);
  const after = analyzeFor(context, afterEntries).findings.filter(decided);
  const introducedAfter = classifyFindings(whole.base, { findings: after, diagnostics: [], entryCount: afterEntries.length }).introduced.map((c) => c.finding.id);
  if (introducedAfter.includes(finding.id)) return false;
  const headIntroduced = headIntroducedIds(context);
  if (introducedAfter.some((id) => !headIntroduced.has(id))) return false;

  // A fix must hold whichever Istio release the mesh runs: no other profile may gain a finding either.
  // Only releases that could decide these inputs differently are checked: the others decide as the mesh's own did, just above.
  const canDiffer = new Set([...sides.canDiffer, ...profilesThatCanDiffer([{ entries: afterEntries, sidecars: context.headLoaded.sidecars, diagnostics: [] }], meshOptions)]);
  for (const istioVersion of otherProfiles(context, canDiffer)) {
    const profile = perReview(context, `profile|${istioVersion}|${scope.key}`, (): ProfileSides => {
      const baseResult = analyzeFor(context, sides.baseEntries, istioVersion, context.baseLoaded.sidecars);
      const headResult = analyzeFor(context, sides.headEntries, istioVersion);
      return { base: baseResult, headIntroduced: new Set(classifyFindings(baseResult, { ...headResult, findings: headResult.findings.filter(decided) }).introduced.map((c) => c.finding.id)) };
    });
    const afterThere = analyzeFor(context, afterEntries, istioVersion);
    if (classifyFindings(profile.base, { ...afterThere, findings: afterThere.findings.filter(decided) }).introduced.some((c) => !profile.headIntroduced.has(c.finding.id))) return false;
  }
  return true;
}

/**
 * Whether a patched entry the base's finding does not hold stays a member of it, for the consumers in
 * that entry's own namespace: then the patched head introduces the finding as the head did (classified
 * as classifyFindings does: a member the base's finding lacks, or no such finding on the base). One view
 * of the listener decides this (see listenerMembersFor), where the verification below analyses the
 * whole group with every view: a candidate that keeps a new entry on a crowded listener, visible to its
 * own namespace (exportTo ["."] on a 100k-entry port), fails at that cost. False means "not proven".
 */
function provedStillIntroduced(finding: Finding, patchedFiles: PatchedFiles, listenersOf: ListenersOf, context: FixContext): boolean {
  // The probe passes over the whole side once (its hostnames, units and ages): it pays where the group is a good part of
  // the side (CPU profiles of the bench's 100k-entry reviews, the whole fix step: 1.56 -> 0.84 s where every entry is on
  // the port, 0.99 -> 0.70 s where a third is), not for a handful of members, whose deciding subset analyses in milliseconds.
  if (hostGroupOf(finding) !== undefined || finding.entries.length * PROBE_SHARE < context.headLoaded.entries.length) return false;
  // New to the finding: an entry the base does not have at all (the usual case, no need to look at the base's finding), or
  // one the base's finding does not hold (its refs gathered once, as classification gathers them).
  const baseRefs = () => perReview(context, `baseRefs|${finding.id}`, () => {
    const before = wholeAnalyses(context).base.findings.find((f) => f.id === finding.id);
    return before ? memberRefsOf(before) : undefined;
  });
  const isNew = (ref: string) => context.newEntryRefs.has(ref) || baseRefs()?.has(ref) !== true;
  const joining = [...patchedFiles.byPath.values()].flat().filter((e) => listenersOf(e).includes(finding.listener) && isNew(entryRef(e)));
  if (joining.length === 0) return false;
  const head = headIndex(context);
  const everyIndex = perReview(context, 'everyHeadIndex', () => context.headLoaded.entries.map((_, i) => i));
  const after: LoadResult = { entries: patchedSubset(head, everyIndex, patchedFiles), sidecars: context.headLoaded.sidecars, diagnostics: [] };
  const found = listenerMembersFor(after, finding.listener, new Set(joining.map((e) => e.namespace)), {
    mesh: context.mesh, meshName: context.meshName, newEntryRefs: context.newEntryRefs, forComparison: true,
  }).get(finding.id);
  if (found) for (const ref of found) if (isNew(ref)) return true;
  return false;
}

/**
 * The reference verdict (fixes.wholeVerification): the whole patched head against the whole base and
 * head, under every release that could decide any of them differently. Tests hold the scoped verdict to it.
 */
function worksOnWhole(finding: Finding, patchedByPath: ReadonlyMap<string, readonly ServiceEntry[]>, context: FixContext): boolean {
  const head = headIndex(context);
  const everyIndex = perReview(context, 'everyHeadIndex', () => context.headLoaded.entries.map((_, i) => i));
  const afterEntries = patchedSubset(head, everyIndex, pairPatchedFiles(head, patchedByPath));
  const whole = wholeAnalyses(context);
  const introducedAfter = classifyFindings(whole.base, analyzeFor(context, afterEntries)).introduced.map((c) => c.finding.id);
  if (introducedAfter.includes(finding.id)) return false;
  const headIntroduced = headIntroducedIds(context);
  if (introducedAfter.some((id) => !headIntroduced.has(id))) return false;

  const meshOptions: MeshOptions = { ...DEFAULT_MESH_OPTIONS, ...context.mesh };
  const canDiffer = profilesThatCanDiffer([context.baseLoaded, context.headLoaded, { entries: afterEntries, sidecars: context.headLoaded.sidecars, diagnostics: [] }], meshOptions);
  for (const istioVersion of otherProfiles(context, canDiffer)) {
    const profile = perReview(context, `whole-profile|${istioVersion}`, (): ProfileSides => {
      const baseResult = analyzeFor(context, context.baseLoaded.entries, istioVersion, context.baseLoaded.sidecars);
      return { base: baseResult, headIntroduced: new Set(classifyFindings(baseResult, analyzeFor(context, context.headLoaded.entries, istioVersion)).introduced.map((c) => c.finding.id)) };
    });
    if (classifyFindings(profile.base, analyzeFor(context, afterEntries, istioVersion)).introduced.some((c) => !profile.headIntroduced.has(c.finding.id))) return false;
  }
  return true;
}

/** The releases other than the mesh's own among those that could decide differently, in profile order. */
function otherProfiles(context: FixContext, canDiffer: ReadonlySet<string>): string[] {
  return PROFILE_VERSIONS.filter((v) => v !== (context.mesh?.istioVersion ?? DEFAULT_ISTIO_VERSION) && canDiffer.has(v));
}

interface ProfileSides {
  base: AnalysisResult;
  /** Ids the head introduces over the base under that profile. */
  headIntroduced: ReadonlySet<string>;
}

const reviewIndexes = new WeakMap<FixContext, Map<string, unknown>>();

/** Something every finding of one review can share (an index of its entry sets, analyses of a relevant subset), made once per review. */
function perReview<T>(context: FixContext, name: string, make: () => T): T {
  let known = reviewIndexes.get(context);
  if (!known) reviewIndexes.set(context, known = new Map());
  if (!known.has(name)) known.set(name, make());
  return known.get(name) as T;
}

/** What every candidate with the same scope shares: the deciding subsets of the base and head. */
interface ScopeSides {
  /** Head indexes of the head's deciding subset, in the head's order. */
  headSubset: readonly number[];
  headEntries: ServiceEntry[];
  baseEntries: ServiceEntry[];
  /** Releases that could decide the base or head subset differently from the mesh's own. */
  canDiffer: ReadonlySet<string>;
}

const computed = new WeakMap<FixContext, { base: AnalysisResult; head: AnalysisResult }>();

/** The whole base and head analyses, made once per review however many candidates are verified. */
function wholeAnalyses(context: FixContext): { base: AnalysisResult; head: AnalysisResult } {
  if (context.baseAnalysis && context.headAnalysis) return { base: context.baseAnalysis, head: context.headAnalysis };
  let known = computed.get(context);
  if (!known) {
    known = {
      base: context.baseAnalysis ?? analyze(context.baseLoaded, { mesh: context.mesh, meshName: context.meshName }),
      head: context.headAnalysis ?? analyze(context.headLoaded, { mesh: context.mesh, meshName: context.meshName, newEntryRefs: context.newEntryRefs, versionNotes: false }),
    };
    computed.set(context, known);
  }
  return known;
}

