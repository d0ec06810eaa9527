import {
  DEFAULT_MESH_OPTIONS,
  entryRef,
  type AnalysisResult,
  type Diagnostic,
  type LoadResult,
  type MeshOptions,
  type ServiceEntry,
  type Sidecar,
} from '../model.js';
import { CollisionAccumulator } from './collision-accumulator.js';
import { toFinding, compareFindings } from './findings.js';
import { conflictsOnListener, conflictsWithOverlay, groupBy, listenerBaseline, type CollisionRecord, type Emitted, type ListenerBaseline } from './listener-conflicts.js';
import { buildListenerUnits, type ListenerUnit } from './listener-units.js';
import { firstProcessed, type EntryAge, type RankedUnit } from './precedence.js';
import { ImportIndex, importScopeKey } from './sidecar-scope.js';
import { consumerClasses, effectiveExportTo, importsByExactNames, namespacesNamedBy, sidecarImports, type VisibilityTier } from './visibility.js';

export interface AnalyzeOptions {
  mesh?: Partial<MeshOptions>;
  /** Entries (`namespace/name`) the change under review creates: younger than all others. */
  newEntryRefs?: ReadonlySet<string>;
}

/**
 * Finds every listener collision among the entries, as each group of
 * consumer sidecars would see it. Work is grouped by listener, so N entries
 * on one port cost one pass over those N, not N² pairs.
 */
export function analyze(loaded: LoadResult, options: AnalyzeOptions = {}): AnalysisResult {
  const mesh: MeshOptions = { ...DEFAULT_MESH_OPTIONS, ...options.mesh };
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  reportDuplicateNames(loaded.entries, diagnostics);

  const ages = loaded.entries.map((e): EntryAge => ({
    timestamp: e.creationTimestamp,
    generation: options.newEntryRefs?.has(entryRef(e)) ? 1 : 0,
  }));
  const exportTo = loaded.entries.map((e) => effectiveExportTo(e, mesh));
  const accumulator = new CollisionAccumulator();
  const context: GroupContext = { loaded, mesh, ages, exportTo, accumulator };

  const byListener = groupBy(buildListenerUnits(loaded.entries, mesh, diagnostics), (u) => u.listener);
  for (const [listener, units] of byListener) {
    if (units.length > 1) {
      analyzeGroup(context, units, {
        full: (visible) => conflictsOnListener(listener, visible),
        onePerHost: true,
        baseline: (visible) => listenerBaseline(listener, visible),
      });
    }
  }
  const byHostPort = groupBy(sameHostUnits(loaded.entries), (u) => `${u.host}\u0000${u.port.number}`);
  for (const units of byHostPort.values()) {
    if (new Set(units.map((u) => u.entryIndex)).size > 1) analyzeGroup(context, units, { full: sameHostRecord, onePerHost: false });
  }

  const findings = accumulator.collisions().map((c) => toFinding(c, mesh)).sort(compareFindings);
  return { findings, diagnostics, entryCount: loaded.entries.length };
}

interface GroupContext {
  loaded: LoadResult;
  mesh: MeshOptions;
  ages: EntryAge[];
  exportTo: (readonly string[])[];
  accumulator: CollisionAccumulator;
}

/** How a group's collisions are found: from scratch, or as a shared baseline plus one consumer's own units. */
interface Detector {
  full: (units: RankedUnit[]) => CollisionRecord[];
  /** Listener groups see one service per hostname; the same-host detector must see them all. */
  onePerHost: boolean;
  baseline?: (units: RankedUnit[]) => ListenerBaseline;
}

/**
 * Runs a detector for every consumer class that could see the group
 * differently: `*`, each namespace an exportTo names, each Sidecar's scope.
 * Public units are ranked and analysed once per Sidecar scope; a namespace
 * adds only the units exported to it, which Istio processes first.
 */
function analyzeGroup(context: GroupContext, units: readonly ListenerUnit[], detector: Detector): void {
  const publicUnits: ListenerUnit[] = [];
  const scoped = new Map<string, ListenerUnit[]>();
  for (const unit of units) {
    const exportTo = context.exportTo[unit.entryIndex]!;
    if (exportTo.includes('*')) publicUnits.push(unit);
    else for (const ns of namespacesNamedBy(unit.entry, exportTo)) {
      const list = scoped.get(ns);
      if (list) list.push(unit);
      else scoped.set(ns, [unit]);
    }
  }
  const rank = (unit: ListenerUnit, tier: VisibilityTier): RankedUnit => ({ unit, tier, age: context.ages[unit.entryIndex]! });
  const baselines = new Map<string, { ranked: RankedUnit[]; baseline?: ListenerBaseline; records: CollisionRecord[] }>();
  const importIndex = new ImportIndex(publicUnits);

  for (const consumer of consumerClasses(scoped.keys(), context.loaded.sidecars, context.mesh)) {
    const sees = (u: ListenerUnit) => sidecarImports(consumer.sidecar, u.entry.namespace, u.host, u.port.number);
    const scope = importScopeKey(consumer.sidecar);
    let shared = baselines.get(scope);
    if (!shared) {
      const publicRanked = importIndex.imported(consumer.sidecar, consumer.namespace, sees).map((u) => rank(u, 2));
      const ranked = detector.onePerHost ? onePerHostname(publicRanked, undefined) : publicRanked;
      const baseline = ranked.length > 1 && detector.baseline ? detector.baseline(ranked) : undefined;
      shared = { ranked, baseline, records: baseline ? baseline.records : ranked.length > 1 ? detector.full(ranked) : [] };
      baselines.set(scope, shared);
    }
    const creationOrderOnly = importsByExactNames(consumer.sidecar);
    const own = consumer.namespace === undefined ? [] : (scoped.get(consumer.namespace) ?? []).filter(sees)
      .map((u) => rank(u, creationOrderOnly ? 2 : u.entry.namespace === consumer.namespace ? 0 : 1));
    let records: Emitted[];
    if (own.length === 0) {
      records = shared.records.map((record) => ({ record }));
    } else {
      const fullPass = (all: RankedUnit[]) => {
        const visible = detector.onePerHost ? onePerHostname(all, consumer.namespace) : all;
        return visible.length > 1 ? detector.full(visible) : [];
      };
      records = shared.baseline && !creationOrderOnly
        ? conflictsWithOverlay(shared.baseline, own, fullPass)
        : fullPass([...own, ...shared.ranked]).map((record) => ({ record }));
    }
    for (const record of records) context.accumulator.add(record, consumer.id);
  }
}

/**
 * A sidecar keeps one service per hostname (the consumer's own namespace
 * first, then the first processed), so a second entry for the same host never
 * reaches the listener; the same-host finding reports it instead. When the
 * order is unknown, the candidate that sorts first stands for the host.
 */
function onePerHostname(visible: RankedUnit[], consumerNamespace: string | undefined): RankedUnit[] {
  const byHost = new Map<string, RankedUnit[]>();
  for (const u of visible) {
    const list = byHost.get(u.unit.host);
    if (list) list.push(u);
    else byHost.set(u.unit.host, [u]);
  }
  if (byHost.size === visible.length) return visible;
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

/** Per host and port, regardless of addresses, so auto-allocated entries are compared too. */
function sameHostUnits(entries: readonly ServiceEntry[]): ListenerUnit[] {
  const units: ListenerUnit[] = [];
  entries.forEach((entry, entryIndex) => {
    for (const port of entry.ports) {
      if (port.protocolClass === 'UDP') continue;
      for (const host of entry.hosts) {
        units.push({ entry, entryIndex, port, host, listener: '', bind: 'wildcard', cidr: undefined, chain: 'tcp', sni: undefined });
      }
    }
  });
  return units;
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
