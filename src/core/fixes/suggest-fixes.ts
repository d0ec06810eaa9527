import { analyze } from '../analysis/analyze.js';
import { loadSourceFile } from '../load/load-sources.js';
import { entryRef, type AnalysisResult, type Finding, type LoadResult, type MeshOptions, type ServiceEntry, type SourceFile, type SourceLocation } from '../model.js';

import { classifyFindings } from '../review/classify.js';
import { applyEdit, documentAt, addAddress, setExportTo, setPortNumber, setPortProtocol, type ManifestEdit } from './manifest-edits.js';
import { lineChange, type LineChange } from './line-changes.js';
import { collectUsedAddresses, DEFAULT_VIP_POOL, pickVip, type UsedAddresses } from './vip-pool.js';

export type FixKind = 'tls' | 'addresses' | 'export-to' | 'port';

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
  vipPool?: string;
  validate: ManifestValidator;
  /** The review's own analyses of the base and head sets; computed once here when absent. */
  baseAnalysis?: AnalysisResult;
  headAnalysis?: AnalysisResult;
}

const TLS_PORTS = new Set([443, 8443, 9443, 6443, 993, 995, 465, 636]);
const MAX_TLS_EDITS = 5;
const FIXABLE_RULES = new Set(['tcp-shadowed', 'tls-shadowed', 'multi-host-tcp', 'tcp-captures-tls-port', 'http-tcp-sniffing', 'well-known-port-protocol']);

const COST: Record<FixKind, string> = {
  tls: 'Clients must speak TLS with SNI on this port; Envoy can no longer originate TLS here.',
  addresses: 'The VIP is only the listener key: clients reach it through Istio DNS capture (which answers with spec.addresses) or by connecting to it directly.',
  'export-to': 'Workloads in other namespaces no longer see this entry.',
  port: 'Every client of the entry must use the new port.',
};

/**
 * Proposes fixes for one introduced finding, best first, and keeps only
 * those that provably work: applied to the head set and re-analysed, the
 * finding's new part is gone, nothing else new appears, and every patched
 * manifest passes the ServiceEntry CRD schema and CEL rules.
 */
export function suggestFixes(finding: Finding, newRefsInFinding: readonly string[], context: FixContext, used: UsedAddresses = collectUsedAddresses(context.headLoaded.entries)): FixSuggestion[] {
  if (!FIXABLE_RULES.has(finding.rule)) return [];
  const byRef = new Map(context.headLoaded.entries.map((e) => [entryRef(e), e]));
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
  // clients start with a TLS ClientHello (443-like ports, ports named tls/https): MySQL or Postgres
  // negotiate TLS inside their own protocol, so SNI matching would never see a name.
  const tlsMembers = members.filter(tcpLike);
  const speaksTls = TLS_PORTS.has(port) || tlsMembers.every((e) => e.ports.some((p) => p.number === port && /^(tls|https)/i.test(p.name)));
  // Beyond a handful of entries this stops being a suggestion a reviewer can take in one click.
  const tls: Candidate | undefined = speaksTls && tlsMembers.length > 0 && tlsMembers.length <= MAX_TLS_EDITS && members.every((e) => tcpLike(e) || protocolOn(e, port) === 'TLS')
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
    ? { kind: 'addresses', title: `Give ${vips.join(', ')} its own listener address from the VIP pool`, edits: vipEdits }
    : undefined;

  const scoped = targets.filter((t) => t.namespaceExplicit && !(t.exportTo?.length === 1 && t.exportTo[0] === '.'));
  const exportTo: Candidate | undefined = scoped.length > 0
    ? { kind: 'export-to', title: `Export ${scoped.map(entryRef).join(', ')} only to ${scoped.length > 1 ? 'their own namespaces' : `namespace ${scoped[0]!.namespace}`}`, edits: scoped.map((e) => edit(e, (p, d) => setExportTo(p, d, ['.']))) }
    : undefined;

  const free = freePort(port, context.headLoaded.entries);
  const movePort: Candidate | undefined = free !== undefined && targets.length > 0
    ? { kind: 'port', title: `Move ${targets.map(entryRef).join(', ')} from port ${port} to ${free}`, edits: targets.map((e) => edit(e, (p, d) => setPortNumber(p, d, port, free))) }
    : undefined;

  const ordered = TLS_PORTS.has(port) ? [tls, addresses, exportTo, movePort] : [addresses, exportTo, tls, movePort];
  for (const c of ordered) if (c) list.push(c);
  return list;
}

function protocolOn(entry: ServiceEntry, port: number): string | undefined {
  return entry.ports.find((p) => p.number === port)?.protocol;
}

/** A port no entry uses, so the moved entry is alone there: the same number in a higher range, readable as related. */
function freePort(port: number, entries: readonly ServiceEntry[]): number | undefined {
  const usedPorts = new Set(entries.flatMap((e) => e.ports.map((p) => p.number)));
  for (let candidate = port + 10_000; candidate <= 65_535; candidate += 10_000) if (!usedPorts.has(candidate)) return candidate;
  for (let candidate = 30_000; candidate <= 65_535; candidate++) if (!usedPorts.has(candidate)) return candidate;
  return undefined;
}

/**
 * Applies the edits to the head files and re-runs the analysis on the
 * entries the edits can influence (same port numbers or hosts): listener
 * groups never span ports, so that subset decides exactly as the whole would.
 */
function verify(finding: Finding, edits: readonly ManifestEdit[], context: FixContext): LineChange[] | undefined {
  const original = new Map(context.headFiles.map((f) => [f.path, f.text]));
  const patched = new Map<string, string>();
  // Bottom-up within a file, so an inserted line never moves a location still to be edited.
  const ordered = [...edits].sort((a, b) => (a.path === b.path ? b.at.line - a.at.line : a.path < b.path ? -1 : 1));
  for (const edit of ordered) {
    const text = patched.get(edit.path) ?? original.get(edit.path);
    if (text === undefined) return undefined;
    const next = applyEdit(text, edit);
    if (next === undefined) return undefined;
    patched.set(edit.path, next);
  }

  const loadOptions = { defaultNamespace: context.defaultNamespace };
  const patchedEntries: ServiceEntry[] = [];
  for (const [path, text] of patched) {
    const part = loadSourceFile({ path, text }, loadOptions);
    if (part.diagnostics.some((d) => d.severity === 'error')) return undefined;
    patchedEntries.push(...part.entries);
    if (!manifestsValid(text, edits.filter((e) => e.path === path).map((e) => e.at), context.validate)) return undefined;
  }

  const touched = new Set(patched.keys());
  const changedRefs = new Set(patchedEntries.map(entryRef));
  const relevantPorts = new Set<number>([finding.port]);
  const relevantHosts = new Set<string>();
  for (const e of [...patchedEntries, ...context.headLoaded.entries.filter((x) => changedRefs.has(entryRef(x)))]) {
    for (const p of e.ports) relevantPorts.add(p.number);
    for (const h of e.hosts) relevantHosts.add(h);
  }
  const relevant = (e: ServiceEntry) => e.ports.some((p) => relevantPorts.has(p.number)) || e.hosts.some((h) => relevantHosts.has(h));
  const afterEntries = [...context.headLoaded.entries.filter((e) => !touched.has(e.location.path) && relevant(e)), ...patchedEntries.filter(relevant)];
  const after = analyze({ entries: afterEntries, sidecars: context.headLoaded.sidecars, diagnostics: [] }, { mesh: context.mesh, newEntryRefs: context.newEntryRefs });

  // Only the relevant ports can change: every entry on them is in the subset, so its findings there are
  // exactly the whole set's, and base and head come from the analyses the review already made.
  const onRelevantPorts = (result: AnalysisResult): AnalysisResult => ({ ...result, findings: result.findings.filter((f) => relevantPorts.has(f.port)) });
  const { base: baseResult, head: headResult } = wholeAnalyses(context);
  const base = onRelevantPorts(baseResult);
  const head = onRelevantPorts(headResult);
  const afterOnPorts = onRelevantPorts(after);

  const headIntroduced = new Set(classifyFindings(base, head).introduced.map((c) => c.finding.id));
  const afterIntroduced = classifyFindings(base, afterOnPorts).introduced.map((c) => c.finding.id);
  if (afterIntroduced.includes(finding.id)) return undefined;
  if (afterIntroduced.some((id) => !headIntroduced.has(id))) return undefined;

  const changes: LineChange[] = [];
  for (const [path, text] of patched) {
    const change = lineChange(path, original.get(path)!, text);
    if (change) changes.push(change);
  }
  return changes;
}

const computed = new WeakMap<FixContext, { base: AnalysisResult; head: AnalysisResult }>();

/** The whole base and head analyses, made once per review however many candidates are verified. */
function wholeAnalyses(context: FixContext): { base: AnalysisResult; head: AnalysisResult } {
  if (context.baseAnalysis && context.headAnalysis) return { base: context.baseAnalysis, head: context.headAnalysis };
  let known = computed.get(context);
  if (!known) {
    known = {
      base: context.baseAnalysis ?? analyze(context.baseLoaded, { mesh: context.mesh }),
      head: context.headAnalysis ?? analyze(context.headLoaded, { mesh: context.mesh, newEntryRefs: context.newEntryRefs }),
    };
    computed.set(context, known);
  }
  return known;
}

function manifestsValid(text: string, locations: SourceLocation[], validate: ManifestValidator): boolean {
  return locations.every((at) => {
    const doc = documentAt(text, at);
    if (!doc) return false;
    const manifest = doc.toJS({ maxAliasCount: 100 }) as unknown;
    return validate(manifest).length === 0;
  });
}

