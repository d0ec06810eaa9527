import {
  DEFAULT_MESH_OPTIONS,
  entryRef,
  type AnalysisResult,
  type Diagnostic,
  type Finding,
  type LoadResult,
  type MeshOptions,
  type ServiceEntry,
} from '../model.js';
import { CollisionAccumulator } from './collision-accumulator.js';
import { toFinding, compareFindings, findingId } from './findings.js';
import { conflictsOnListener, conflictsWithOverlay, groupBy, listenerBaseline, type CollisionRecord, type Emitted, type ListenerBaseline } from './listener-conflicts.js';
import { buildListenerUnits, type ListenerUnit } from './listener-units.js';
import { firstProcessed, type EntryAge, type RankedUnit } from './precedence.js';
import { protocolClassOf } from '../protocol.js';
import { hostSplitCollisions } from './host-split.js';
import { hostOwner } from './host-owner.js';
import { dnsCaptureFor, istioProfile, usesAllocatedVips, type IstioProfile } from './istio-version.js';
import {
  consumerClasses, effectiveExportTo, type ConsumerClass, egressPortProtocol, importsByExactNames, namespacesNamedBy, sidecarImports, usesConsumerNamespace, type VisibilityTier,
} from './visibility.js';
import { ImportIndex, importScopeKey } from './sidecar-scope.js';
import { onlyInOtherVersions, versionsToCompare, withVersionNotes } from './version-dependence.js';

export interface AnalyzeOptions {
  mesh?: Partial<MeshOptions>;
  /** The mesh these entries form; findings carry it (default: `default`). */
  meshName?: string;
  /** Entries (`namespace/name`) the change under review creates: younger than all others. */
  newEntryRefs?: ReadonlySet<string>;
  /**
   * Say in each finding when another Istio version profile would decide it differently (default
   * on). Off where only ids are compared, as in fix verification, which checks every profile itself.
   */
  versionNotes?: boolean;
  /** Findings only to compare with another analysis (fix verification): ids, severity, members; no text. */
  forComparison?: boolean;
}

/**
 * Finds every listener collision among the entries, as each group of
 * consumer sidecars would see it. Work is grouped by listener, so N entries
 * on one port cost one pass over those N, not N² pairs.
 */
export function analyze(loaded: LoadResult, options: AnalyzeOptions = {}): AnalysisResult {
  const mesh: MeshOptions = { ...DEFAULT_MESH_OPTIONS, ...options.mesh };
  const profile = istioProfile(mesh.istioVersion);
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  // Comparisons read findings only: a duplicate name is said once, by the analysis people read.
  if (!options.forComparison) reportDuplicateNames(loaded.entries, diagnostics);

  const accumulator = new CollisionAccumulator();
  const context = groupContext(loaded, mesh, profile, options, accumulator);
  for (const [listener, units] of listenerGroups(context, diagnostics)) analyzeListener(context, listener, units);
  const byHostPort = groupBy(sameHostUnits(loaded.entries, context.sharedHosts).filter(seenBySome(context)), (u) => `${u.host}\u0000${u.port.number}`);
  for (const units of byHostPort.values()) {
    if (new Set(units.map((u) => u.entryIndex)).size > 1) analyzeGroup(context, units, { full: sameHostRecord, onePerHost: false });
  }

  let findings: Finding[] = [];
  for (const collision of accumulator.drain()) findings.push(toFinding(collision, mesh, options.meshName, options.forComparison));
  for (const collision of hostSplitCollisions(context)) findings.push(toFinding(collision, mesh, options.meshName, options.forComparison));
  findings.sort(compareFindings);
  if (options.versionNotes !== false && !options.forComparison) {
    // Only inputs that touch a rule Istio changed are analysed again, under each profile that changed it.
    const compare = versionsToCompare({ loaded, mesh, profile, hasHostCopies: context.hostCopies.size > 0 });
    if (compare.length > 0) {
      const others = compare.map(({ version, changes }) => ({
        version,
        changes,
        findings: analyze({ entries: loaded.entries, sidecars: loaded.sidecars, diagnostics: [] }, { ...options, mesh: { ...mesh, istioVersion: version }, versionNotes: false }).findings,
      }));
      findings = withVersionNotes(findings, profile, others);
      diagnostics.push(...onlyInOtherVersions(findings, profile, others));
    }
  }
  return { findings, diagnostics, entryCount: loaded.entries.length };
}

/**
 * The refs some consumers' sidecars put in each collision on one listener, by the id of the finding
 * analyze() makes of it, computed for those consumers exactly as analyze() computes them. A finding's
 * members are the union of what every consumer class's records hold, so a ref found here is a member of
 * that finding whatever the other consumers see. Fix verification uses this to prove, from one view of a
 * listener, that a candidate leaves a new entry in its collision, without analysing the whole group.
 * Refs are read off the records as they are iterated (a consumer's own entries first), so a caller looking
 * for one of them stops without walking a 100k-member record.
 */
export function listenerMembersFor(loaded: LoadResult, listener: string, namespaces: ReadonlySet<string>, options: AnalyzeOptions = {}): Map<string, Iterable<string>> {
  const mesh: MeshOptions = { ...DEFAULT_MESH_OPTIONS, ...options.mesh };
  const records = new Map<string, CollisionRecord[]>();
  const collect: RecordSink = {
    add({ record }) {
      const id = findingId(options.meshName, record.rule, record.listener, record.subKey);
      const list = records.get(id);
      if (list) list.push(record);
      else records.set(id, [record]);
    },
  };
  const context = groupContext(loaded, mesh, istioProfile(mesh.istioVersion), options, collect, (consumer) => consumer.namespace !== undefined && namespaces.has(consumer.namespace));
  // Listener names end in their port: entries without it are not built into units (a 100k-entry side, one port).
  const port = /_(\d+)$/.exec(listener);
  const units = listenerGroups(context, [], port ? Number(port[1]) : undefined).get(listener);
  if (units) analyzeListener(context, listener, units);
  return new Map([...records].map(([id, list]) => [id, refsOf(list)]));
}

function* refsOf(records: readonly CollisionRecord[]): Generator<string> {
  for (const record of records) for (const list of [record.winners, record.undetermined, record.shadowed]) for (const ranked of list) yield entryRef(ranked.unit.entry);
}

/** What every group of one analysis shares. */
function groupContext(loaded: LoadResult, mesh: MeshOptions, profile: IstioProfile, options: AnalyzeOptions, sink: RecordSink, consumers?: (consumer: ConsumerClass) => boolean): GroupContext {
  // Ages are values: entries of the same creation second and generation share one object (most share "unknown").
  const sharedAges = new Map<string, EntryAge>();
  const ages = loaded.entries.map((e): EntryAge => {
    const timestamp = e.creationTimestamp;
    const generation = options.newEntryRefs?.has(entryRef(e)) ? 1 : 0;
    const key = `${timestamp}|${generation}`;
    let age = sharedAges.get(key);
    if (!age) sharedAges.set(key, age = { timestamp, generation, ...(profile.legacyTieBreak ? { legacyTieBreak: true } : {}) });
    return age;
  });
  const exportTo = loaded.entries.map((e) => effectiveExportTo(e, mesh));
  const sharedHosts = hostsOfSeveralEntries(loaded.entries);
  return {
    loaded, mesh, profile, ages, exportTo, accumulator: sink,
    sharedHosts,
    hostCopies: hostsInSeveralNamespaces(loaded.entries, exportTo, sharedHosts),
    rootDotSidecar: usesConsumerNamespace(loaded.sidecars.find((s) => s.namespace === mesh.rootNamespace && !s.hasWorkloadSelector)),
    protocolOverrides: new Map(),
    vipNamespaces: namespacesWithOwnVipUse(mesh, profile),
    ...(consumers ? { consumers } : {}),
  };
}

/** Every entry's units grouped by listener (only one port's, when given), leaving out entries exported to no one. */
function listenerGroups(context: GroupContext, diagnostics: Diagnostic[], onlyPort?: number): Map<string, ListenerUnit[]> {
  return groupBy(buildListenerUnits(context.loaded.entries, context.mesh, diagnostics, onlyPort).filter(seenBySome(context)), (u) => u.listener);
}

/** An entry exported to `~` reaches no sidecar: it takes part in nothing, not even in who counts as a consumer. */
function seenBySome(context: GroupContext): (u: ListenerUnit) => boolean {
  return (u) => !hiddenFromAll(context.exportTo[u.entryIndex]!);
}

function analyzeListener(context: GroupContext, listener: string, units: readonly ListenerUnit[]): void {
  // A group of one still matters when its entry's match-all chain captures the port (tcp-captures-port).
  if (units.length > 1 || units.some((u) => u.bind === 'wildcard' && (u.chain === 'tcp' || u.chain === 'auto'))) {
    analyzeGroup(context, units, {
      full: (visible) => conflictsOnListener(listener, visible),
      onePerHost: true,
      baseline: (visible) => listenerBaseline(listener, visible),
    });
  }
}

/** Where a group's per-consumer records go: merged into collisions (analyze), or read as they are (listenerMembersFor). */
interface RecordSink {
  add(emitted: Emitted, consumerClass: string): void;
}

export interface GroupContext {
  loaded: LoadResult;
  mesh: MeshOptions;
  profile: IstioProfile;
  ages: EntryAge[];
  exportTo: (readonly string[])[];
  accumulator: RecordSink;
  /** Only these consumers' records are computed (listenerMembersFor); every consumer's when absent. */
  consumers?: (consumer: ConsumerClass) => boolean;
  /** Hostnames more than one entry names, with those entries (each once, in order): the only ones a hostname rule can concern. */
  sharedHosts: ReadonlyMap<string, readonly number[]>;
  /** Hostnames defined in more than one namespace, with the entries that define them. */
  hostCopies: Map<string, number[]>;
  /** The mesh-wide Sidecar says `./...`: each namespace with entries sees its own, so each is a consumer class. */
  rootDotSidecar: boolean;
  /** Units rebuilt with a Sidecar egress port's protocol, kept so shared records keep one object per unit. */
  protocolOverrides: Map<ListenerUnit, Map<string, ListenerUnit>>;
  /** Namespaces whose DNS capture differs from the mesh-wide value so they use VIPs differently: each is its own consumer class. */
  vipNamespaces: readonly string[];
}

/** How a group's collisions are found: from scratch, or as a shared baseline plus one consumer's own units. */
interface Detector {
  full: (units: RankedUnit[]) => CollisionRecord[];
  /** Listener groups see one service per hostname; the same-host detector must see them all. */
  onePerHost: boolean;
  baseline?: (units: RankedUnit[]) => ListenerBaseline;
}

interface SharedView { ranked: RankedUnit[]; baseline?: ListenerBaseline; records: CollisionRecord[] }

/**
 * Runs a detector for every consumer class that could see the group
 * differently: `*`, each namespace an exportTo names, each Sidecar's scope.
 * Public units are ranked and analysed once per distinct view (Sidecar scope,
 * VIP use, hostname choice); a namespace adds only the units exported to it,
 * which Istio processes first.
 */
function analyzeGroup(context: GroupContext, units: readonly ListenerUnit[], detector: Detector): void {
  const publicUnits: ListenerUnit[] = [];
  const scoped = new Map<string, ListenerUnit[]>();
  const extraNamespaces = new Set<string>(context.vipNamespaces);
  for (const unit of units) {
    const exportTo = context.exportTo[unit.entryIndex]!;
    if (exportTo.includes('*')) publicUnits.push(unit);
    else for (const ns of namespacesNamedBy(unit.entry, exportTo)) {
      const list = scoped.get(ns);
      if (list) list.push(unit);
      else scoped.set(ns, [unit]);
    }
    // Consumers prefer their own namespace's copy of a hostname, or see only their own entries through `./*`.
    if (context.rootDotSidecar) extraNamespaces.add(unit.entry.namespace);
    const copies = context.hostCopies.get(unit.host);
    if (copies) for (const i of copies) extraNamespaces.add(context.loaded.entries[i]!.namespace);
  }
  const splitHosts = [...new Set(units.map((u) => u.host).filter((h) => context.hostCopies.has(h)))];
  const port = units[0]!.port.number;
  const rank = (unit: ListenerUnit, tier: VisibilityTier): RankedUnit => ({ unit, tier, age: context.ages[unit.entryIndex]! });
  const views = new Map<string, Map<string, SharedView>>();
  const importIndex = new ImportIndex(publicUnits);

  for (const consumer of consumerClasses([...scoped.keys(), ...extraNamespaces], context.loaded.sidecars, context.mesh)) {
    if (context.consumers && !context.consumers(consumer)) continue;
    const ns = consumer.namespace;
    const vips = usesAllocatedVips(context.mesh, ns);
    const statusVips = context.profile.ownNamespaceHostFirst && dnsCaptureFor(context.mesh, ns);
    const owners = splitHosts.map((h) => hostOwner(context, h, port, consumer.sidecar, ns));
    const ownerOf = new Map(splitHosts.map((h, i) => [h, owners[i]]));
    const protocol = egressPortProtocol(consumer.sidecar, port);
    const sees = (u: ListenerUnit) => sidecarImports(consumer.sidecar, u.entry.namespace, u.host, u.port.number, ns)
      && !(u.allocatable && (vips || (u.allocatable === 'status' && statusVips)))
      && (!ownerOf.has(u.host) || ownerOf.get(u.host) === u.entry.namespace);
    const asSeen = (u: ListenerUnit) => (protocol ? withEgressProtocol(context, u, protocol) : u);
    const viewKey = `${vips}|${statusVips}|${usesConsumerNamespace(consumer.sidecar) ? ns ?? '' : ''}|${owners.join('\u0000')}`;
    // Sidecars that import the same things share one view of the public units.
    const scope = importScopeKey(consumer.sidecar);
    let bySidecar = views.get(scope);
    if (!bySidecar) views.set(scope, bySidecar = new Map());
    let shared = bySidecar.get(viewKey);
    if (!shared) {
      const publicRanked = importIndex.imported(consumer.sidecar, ns, sees).map((u) => rank(asSeen(u), 2));
      const ranked = detector.onePerHost ? onePerHostname(publicRanked, undefined) : publicRanked;
      const baseline = ranked.length > 0 && detector.baseline ? detector.baseline(ranked) : undefined;
      shared = { ranked, baseline, records: baseline ? baseline.records : ranked.length > 1 ? detector.full(ranked) : [] };
      bySidecar.set(viewKey, shared);
    }
    const creationOrderOnly = context.profile.exactHostsCreationOrder && importsByExactNames(consumer.sidecar);
    // Private entries and entries exported to the namespace by name are one list, in creation order (initServiceRegistry).
    const own = ns === undefined ? [] : (scoped.get(ns) ?? []).filter(sees).map((u) => rank(asSeen(u), creationOrderOnly ? 2 : 0));
    let records: Emitted[];
    if (own.length === 0) {
      records = shared.records.map((record) => ({ record }));
    } else {
      const fullPass = (all: RankedUnit[]) => {
        const visible = detector.onePerHost ? onePerHostname(all, ns) : all;
        return visible.length > 1 || (detector.baseline && visible.length > 0) ? detector.full(visible) : [];
      };
      records = shared.baseline && !creationOrderOnly
        ? conflictsWithOverlay(shared.baseline, own, fullPass)
        : fullPass([...own, ...shared.ranked]).map((record) => ({ record }));
    }
    for (const record of records) context.accumulator.add(record, consumer.id);
  }
}

/** A unit as a Sidecar egress listener of its port rebuilds it: the listener takes the Sidecar port's protocol. */
function withEgressProtocol(context: GroupContext, unit: ListenerUnit, protocol: string): ListenerUnit {
  const cls = protocolClassOf(protocol);
  if (cls === 'UDP' || cls === 'AUTO') return unit;
  const chain = cls === 'HTTP' ? 'http' : cls === 'TLS' ? 'tls' : 'tcp';
  if (chain === unit.chain) return unit;
  let byProtocol = context.protocolOverrides.get(unit);
  if (!byProtocol) context.protocolOverrides.set(unit, byProtocol = new Map());
  let copy = byProtocol.get(protocol);
  if (!copy) {
    copy = { ...unit, chain, sni: chain === 'tls' && unit.bind !== 'ip' ? unit.host : undefined };
    byProtocol.set(protocol, copy);
  }
  return copy;
}

/**
 * Per-namespace DNS capture (proxy.istio.io/config on every workload, a ProxyConfig) only
 * changes what a namespace sees when it changes whether its sidecars use VIPs.
 */
function namespacesWithOwnVipUse(mesh: MeshOptions, profile: IstioProfile): string[] {
  const vipUse = (ns: string | undefined) => `${usesAllocatedVips(mesh, ns)}|${profile.ownNamespaceHostFirst && dnsCaptureFor(mesh, ns)}`;
  const meshWide = vipUse(undefined);
  return Object.keys(mesh.dnsCaptureByNamespace ?? {}).filter((ns) => vipUse(ns) !== meshWide).sort();
}

/**
 * Hostnames that more than one entry names, with those entries in order, each once. Hostnames
 * named once (nearly all of them) can give no same-host, host-copy or host-split verdict, so they
 * get no list: one pass over the hosts serves all three rules.
 */
function hostsOfSeveralEntries(entries: readonly ServiceEntry[]): Map<string, number[]> {
  const byHost = new Map<string, number | number[]>();
  entries.forEach((e, i) => {
    for (const h of e.hosts) {
      const known = byHost.get(h);
      if (known === undefined) byHost.set(h, i);
      else if (typeof known === 'number') {
        if (known !== i) byHost.set(h, [known, i]);
      } else if (known[known.length - 1] !== i) known.push(i);
    }
  });
  const shared = new Map<string, number[]>();
  for (const [host, list] of byHost) if (typeof list !== 'number') shared.set(host, list);
  return shared;
}

/**
 * Whether entries of two namespaces define one hostname (with ports, seen by some sidecar): what
 * analyze() tells versionsToCompare, for callers that ask versionsToCompare about other entry sets.
 */
export function hasHostCopies(entries: readonly ServiceEntry[], mesh: Partial<MeshOptions> = {}): boolean {
  const options: MeshOptions = { ...DEFAULT_MESH_OPTIONS, ...mesh };
  const exportTo = entries.map((e) => effectiveExportTo(e, options));
  return hostsInSeveralNamespaces(entries, exportTo, hostsOfSeveralEntries(entries)).size > 0;
}

/** Hostnames that entries of more than one namespace define. */
function hostsInSeveralNamespaces(entries: readonly ServiceEntry[], exportTo: readonly (readonly string[])[], sharedHosts: ReadonlyMap<string, readonly number[]>): Map<string, number[]> {
  const several = new Map<string, number[]>();
  for (const [host, all] of sharedHosts) {
    const list = all.filter((i) => entries[i]!.ports.length > 0 && !hiddenFromAll(exportTo[i]!));
    if (list.length < 2) continue;
    const first = entries[list[0]!]!.namespace;
    if (!list.every((i) => entries[i]!.namespace === first)) several.set(host, list);
  }
  return several;
}

/**
 * A sidecar keeps one service per hostname (the consumer's own namespace
 * first, then the first processed), so a second entry for the same host never
 * reaches the listener; the same-host finding reports it instead. When the
 * order is unknown, the candidate that sorts first stands for the host.
 */
function onePerHostname(visible: RankedUnit[], consumerNamespace: string | undefined): RankedUnit[] {
  // Nearly always every unit has a hostname of its own: found with a Set, before any list per hostname is made.
  const hosts = new Set<string>();
  for (const u of visible) hosts.add(u.unit.host);
  if (hosts.size === visible.length) return visible;
  const byHost = new Map<string, RankedUnit[]>();
  for (const u of visible) {
    const list = byHost.get(u.unit.host);
    if (list) list.push(u);
    else byHost.set(u.unit.host, [u]);
  }
  const kept: RankedUnit[] = [];
  for (const units of byHost.values()) {
    if (new Set(units.map((u) => u.unit.entryIndex)).size === 1) {
      kept.push(...units);
      continue;
    }
    const own = units.filter((u) => u.unit.entry.namespace === consumerNamespace);
    const pool = own.length > 0 ? own : units;
    const { winner, candidates } = firstProcessed(pool);
    const keeper = (winner ?? candidates[0])!.unit.entryIndex;
    kept.push(...pool.filter((u) => u.unit.entryIndex === keeper));
  }
  return kept;
}

/**
 * One hostname in several entries: a sidecar keeps the first definition per
 * hostname (ports merged within a namespace), so the rest never take effect.
 */
function sameHostRecord(visible: RankedUnit[]): CollisionRecord[] {
  const { winner, candidates } = firstProcessed(visible);
  const first = winner ? [winner] : candidates;
  const firstEntries = new Set(first.map((c) => c.unit.entryIndex));
  const leading = visible.filter((u) => firstEntries.has(u.unit.entryIndex));
  const rest = visible.filter((u) => !firstEntries.has(u.unit.entryIndex));
  const any = visible[0]!.unit;
  return [{
    rule: 'same-host',
    listener: `outbound|${any.port.number}||${any.host}`,
    subKey: any.host,
    winners: winner ? leading : [],
    undetermined: winner ? [] : leading,
    shadowed: rest,
  }];
}

/** Per host and port, regardless of addresses, so auto-allocated entries are compared too; only hostnames several entries name. */
function sameHostUnits(entries: readonly ServiceEntry[], sharedHosts: ReadonlyMap<string, readonly number[]>): ListenerUnit[] {
  const units: ListenerUnit[] = [];
  if (sharedHosts.size === 0) return units;
  entries.forEach((entry, entryIndex) => {
    for (const port of entry.ports) {
      if (port.protocolClass === 'UDP') continue;
      for (const host of entry.hosts) {
        if (sharedHosts.has(host)) units.push({ entry, entryIndex, port, host, listener: '', bind: 'wildcard', cidr: undefined, chain: 'tcp', sni: undefined });
      }
    }
  });
  return units;
}

function hiddenFromAll(exportTo: readonly string[]): boolean {
  return !exportTo.includes('*') && (exportTo.includes('~') || exportTo.length === 0);
}

function reportDuplicateNames(entries: readonly ServiceEntry[], diagnostics: Diagnostic[]): void {
  const seen = new Map<string, ServiceEntry>();
  for (const e of entries) {
    const ref = entryRef(e);
    const earlier = seen.get(ref);
    if (earlier) {
      diagnostics.push({
        severity: 'warning',
        code: 'duplicate-name',
        message: `ServiceEntry ${ref} is also defined at ${earlier.location.path}:${earlier.location.line}; only one object can exist, the last one applied replaces the other`,
        location: e.location,
      });
    } else {
      seen.set(ref, e);
    }
  }
}
