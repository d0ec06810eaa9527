import type { Diagnostic, Finding, FindingEntry, Severity, SourceLocation } from '../model.js';
import type { ClassifiedFinding, FindingStatus, ReviewReport } from '../review/review-change.js';
import type { FixSuggestion } from '../fixes/suggest-fixes.js';
import { escapeHtml, escapeMarkdown, inlineCode } from './escape.js';
import { renderReviewSuppressionsMarkdown } from './set-aside.js';
import { suggestionsSection } from './suggestions.js';

export interface RenderContext {
  /** Link for a file line at the commit under review; plain `path:line` text without it. */
  blobUrl?: (path: string, line: number) => string;
  /** Link for a line at the base commit: a resolved finding's lines are there (its file may be gone at head). */
  baseBlobUrl?: (path: string, line: number) => string;
  /** GitHub refuses comment bodies over 65,536 characters. */
  maxLength?: number;
  /** Where the full report lives when this one has to be cut. */
  fullReportHint?: string;
  /** The limit maxLength stands for, named in the note when the report is cut. */
  limitName?: string;
  /** Where the full report can be downloaded (the run's artifact), linked from that note. */
  fullReportUrl?: string;
  /** The meshes of the run; with more than one, tables get a Mesh column and titles name the mesh. */
  meshes?: readonly string[];
}

export const GITHUB_COMMENT_LIMIT = 65_536;

const SEVERITY_BADGE: Record<Severity, string> = { error: '🔴 error', warning: '🟠 warning', info: '🔵 info' };
const STATUS_BADGE: Record<FindingStatus, string> = { introduced: '🆕 introduced', resolved: '✅ resolved', existing: '⏺ existing' };

/** The review summary: verdict, the annotated table, why and how to fix, unreadable files. */
export function renderReviewMarkdown(report: ReviewReport, context: RenderContext = {}): string {
  const rows = [...report.introduced, ...report.resolved, ...report.existing];
  const ctx = withMeshes(context, rows.map((r) => r.finding), report.meshes?.map((m) => m.name));
  // Past a screenful, a reviewer needs the shape first: counts by mesh, rule and port, every finding's details folded.
  const many = rows.length > AT_A_GLANCE_FROM;
  const sections = [
    `### ServiceEntry Guard\n\n${verdict(report)}`,
    many ? atAGlance(report, ctx) : '',
    rows.length > 0 ? findingsTable(rows, ctx, true) : '',
    ...report.introduced.map((c) => findingDetails(c.finding, ctx, !many, report.suggestions[c.finding.id], report.fixNotes?.[c.finding.id])),
    renderReviewSuppressionsMarkdown(report.suppressions),
    diagnosticsSection(report.diagnostics, ctx, new Set(report.changedPaths)),
    ...report.existing.map((c) => findingDetails(c.finding, ctx, false)),
    `<sub>${plural(report.baseEntryCount, 'ServiceEntry', 'ServiceEntries')} on the base branch, ${report.headEntryCount} with this change${meshList(ctx)}.</sub>`,
  ];
  return fitWithin(sections, ctx);
}

/** A findings report with no base to compare against (the CLI's markdown format). */
export function renderFindingsMarkdown(findings: readonly Finding[], diagnostics: readonly Diagnostic[], entryCount: number, context: RenderContext = {}): string {
  const ctx = withMeshes(context, findings);
  const rows = findings.map((finding): ClassifiedFinding => ({ status: 'existing', finding, newEntryRefs: [] }));
  const counts = countBySeverity(findings);
  const sections = [
    `### ServiceEntry Guard\n\n${findings.length === 0 ? '✅ No listener collisions' : `${plural(findings.length, 'listener collision', 'listener collisions')} (${counts})`} among ${plural(entryCount, 'ServiceEntry', 'ServiceEntries')}${meshList(ctx)}.`,
    rows.length > 0 ? findingsTable(rows, ctx, false) : '',
    ...findings.map((f) => findingDetails(f, ctx, true)),
    diagnosticsSection(diagnostics, ctx, undefined),
  ];
  return fitWithin(sections, ctx);
}

/** Where an inline comment sends the reader for the explanation and every fix with its cost. */
export interface RemarkLinks {
  /** The sticky summary comment, when it exists by the time the comment is posted. */
  summaryUrl?: string;
}

/**
 * One inline review comment, short enough to read beside the diff: the
 * verdict, who wins the listener, and a link to the finding's details (why,
 * and every fix with its cost) in the summary comment. The one-click fix,
 * when one fits, is appended by the caller.
 */
export function renderFindingComment(classified: ClassifiedFinding, ctx: RenderContext & RemarkLinks = {}): string {
  const f = classified.finding;
  const winners = f.entries.filter((e) => e.role === 'winner');
  const open = f.entries.filter((e) => e.role === 'undetermined');
  const losers = f.entries.filter((e) => e.role === 'shadowed');
  const who = [
    winners.length > 0 ? `**Wins:** ${capped(winners.map(entryName), ', ', 3)}${winnerScope(winners)}.`
      : open.length > 0 ? `**Wins:** undetermined between ${capped(open.map(entryName), ', ', 3)}: the manifests do not record which Istio saw first.` : '',
    losers.length > 0 ? `**Shadowed:** ${capped(losers.map(entryName), ', ', 3)}.` : '',
  ].filter(Boolean).join(' ');
  const details = ctx.summaryUrl
    ? `[Why, and every fix with its cost](${safeUrl(ctx.summaryUrl)}) in the summary comment (finding ${inlineCode(f.id)}).`
    : `Why, and every fix with its cost: the ServiceEntry Guard summary comment (finding ${inlineCode(f.id)}).`;
  return [
    `**${SEVERITY_BADGE[f.severity]} · ${escapeMarkdown(f.rule)} · ${inlineCode(f.listener)}${manyMeshes(ctx) || f.mesh !== 'default' ? ` · mesh ${inlineCode(f.mesh)}` : ''}**: ${escapeMarkdown(f.title)}`,
    who,
    details,
  ].filter(Boolean).join('\n\n');
}

function entryName(e: FindingEntry): string {
  return `${inlineCode(`${e.namespace}/${e.name}`)} (${capped(e.hosts.map(inlineCode), ', ', 2)})`;
}

/** Where winning differs by consumer namespace, the comment says so rather than claim one winner for all. */
function winnerScope(winners: readonly FindingEntry[]): string {
  const partial = winners.some((w) => w.losesFor.length > 0);
  return partial ? ' (not for every namespace: see the details)' : '';
}

/** More rows than this and the summary opens with counts and folds every finding's details. */
export const AT_A_GLANCE_FROM = 10;

/** One row per mesh, rule and severity: how many findings of each status, on which ports. */
function atAGlance(report: ReviewReport, ctx: RenderContext): string {
  const groups = new Map<string, { mesh: string; rule: string; severity: Severity; counts: Record<FindingStatus, number>; ports: Set<number> }>();
  for (const { status, finding: f } of [...report.introduced, ...report.resolved, ...report.existing]) {
    const key = `${f.mesh}\u0000${f.rule}\u0000${f.severity}`;
    const group = groups.get(key) ?? { mesh: f.mesh, rule: f.rule, severity: f.severity, counts: { introduced: 0, resolved: 0, existing: 0 }, ports: new Set<number>() };
    group.counts[status]++;
    group.ports.add(f.port);
    groups.set(key, group);
  }
  const order: Severity[] = ['error', 'warning', 'info'];
  const sorted = [...groups.values()].sort((a, b) => b.counts.introduced - a.counts.introduced || order.indexOf(a.severity) - order.indexOf(b.severity) || (a.mesh < b.mesh ? -1 : a.mesh > b.mesh ? 1 : a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  const withMesh = manyMeshes(ctx);
  const lines = [
    `| ${withMesh ? 'Mesh | ' : ''}Rule | Severity | 🆕 Introduced | ✅ Resolved | ⏺ Existing | Ports |`,
    `|${withMesh ? ' --- |' : ''} --- | --- | ---: | ---: | ---: | --- |`,
    ...sorted.slice(0, GLANCE_ROWS).map((g) => `| ${withMesh ? `${inlineCode(g.mesh)} | ` : ''}${escapeMarkdown(g.rule)} | ${SEVERITY_BADGE[g.severity]} | ${g.counts.introduced} | ${g.counts.resolved} | ${g.counts.existing} | ${portRanges([...g.ports])} |`),
  ];
  const rest = sorted.length - GLANCE_ROWS;
  return `**At a glance** (${report.introduced.length + report.resolved.length + report.existing.length} findings; each one's details are folded below the table):\n\n${lines.join('\n')}${rest > 0 ? `\n\n… and ${rest} more groups.` : ''}`;
}

const GLANCE_ROWS = 30;

/** 20000–20299, 8443: consecutive ports as ranges, a few ranges named and the rest counted. */
function portRanges(ports: number[]): string {
  const sorted = [...new Set(ports)].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    ranges.push(j > i ? `${sorted[i]}–${sorted[j]}` : String(sorted[i]));
    i = j + 1;
  }
  return capped(ranges, ', ', 6);
}

function verdict(report: ReviewReport): string {
  const parts: string[] = [];
  if (report.introduced.length > 0) {
    parts.push(`❌ This change introduces **${report.introduced.length}** listener collision${report.introduced.length > 1 ? 's' : ''} (${countBySeverity(report.introduced.map((c) => c.finding))}).`);
  } else {
    // A changed manifest that could not be read may hide a collision: no ✅ until it is readable.
    const changed = new Set(report.changedPaths);
    const unread = new Set(report.diagnostics.filter((d) => d.severity === 'error' && changed.has(d.location.path)).map((d) => d.location.path));
    const silenced = report.suppressions?.silencedByChange.length ?? 0;
    parts.push(unread.size > 0
      ? `⚠️ No listener collision found, but **${unread.size}** changed file${unread.size > 1 ? 's' : ''} could not be fully read (listed below), so this change is not fully checked.`
      : silenced > 0
        // Accepting its own collision is the change's right, but never a silent ✅.
        ? `⚠️ This change introduces **${silenced}** listener collision${silenced > 1 ? 's' : ''} and silences ${silenced > 1 ? 'them' : 'it'} with a suppression it adds (see below); approving it accepts ${silenced > 1 ? 'them' : 'it'}.`
        : '✅ This change introduces no listener collision.');
  }
  if (report.resolved.length > 0) parts.push(`It resolves **${report.resolved.length}**.`);
  if (report.existing.length > 0) parts.push(`${report.existing.length} already existed on the base branch.`);
  return parts.join(' ');
}

function findingsTable(rows: readonly ClassifiedFinding[], ctx: RenderContext, withStatus: boolean): string {
  const withMesh = manyMeshes(ctx);
  const header = `| ${withStatus ? 'Status | ' : ''}${withMesh ? 'Mesh | ' : ''}Severity | Port | Listener | Protocol | Hosts | Namespaces | Wins | Shadowed | Where |`;
  const rule = `|${withStatus ? ' --- |' : ''}${withMesh ? ' --- |' : ''} --- | ---: | --- | --- | --- | --- | --- | --- | --- |`;
  const lines = rows.map(({ status, finding: f }) => {
    const winners = f.entries.filter((e) => e.role === 'winner');
    const open = f.entries.filter((e) => e.role === 'undetermined');
    const losers = f.entries.filter((e) => e.role === 'shadowed');
    const cells = [
      ...(withStatus ? [STATUS_BADGE[status]] : []),
      ...(withMesh ? [inlineCode(f.mesh)] : []),
      SEVERITY_BADGE[f.severity],
      String(f.port),
      inlineCode(f.listener),
      escapeMarkdown(f.protocols.join(', ')),
      capped([...new Set(f.entries.flatMap((e) => e.hosts))].map(inlineCode), '<br>'),
      capped(f.namespaces.map((n) => (n === '*' ? 'all' : inlineCode(n))), ', '),
      winners.length > 0 ? refs(winners) : open.length > 0 ? `undetermined: ${refs(open)}` : '—',
      losers.length > 0 ? refs(losers) : '—',
      capped(f.entries.map((e) => locationLink(e.portLocation, status === 'resolved' && ctx.baseBlobUrl ? { ...ctx, blobUrl: ctx.baseBlobUrl } : ctx)), '<br>'),
    ];
    return `| ${cells.join(' | ')} |`;
  });
  return [header, rule, ...lines].join('\n');
}

function findingDetails(f: Finding, ctx: RenderContext, open: boolean, suggestions: readonly FixSuggestion[] = [], fixNote?: string): string {
  return [
    `<details${open ? ' open' : ''}><summary>${SEVERITY_BADGE[f.severity]} ${manyMeshes(ctx) ? `mesh <code>${escapeHtml(f.mesh)}</code> · ` : ''}<code>${escapeHtml(f.listener)}</code>: ${escapeHtml(f.title)}</summary>`,
    '',
    findingBody(f, ctx, suggestions[0]?.kind === 'restore' ? suggestions[0] : undefined),
    '',
    suggestionsSection(suggestions),
    fixNote ? `**No verified fix:** ${escapeMarkdown(fixNote)}` : '',
    '',
    `<sub>mesh ${escapeHtml(f.mesh)} · rule ${escapeHtml(f.rule)} · id ${escapeHtml(f.id)}</sub>`,
    '</details>',
  ].join('\n');
}

/**
 * Why, who, and the cures with their costs: the part every rendering of a
 * finding shares. A verified restore of what the change removed leads the
 * list, as it leads the verified fixes: the two lists never disagree on what comes first.
 */
function findingBody(f: Finding, ctx: RenderContext, restore?: FixSuggestion): string {
  const fixes = [...(restore ? [`${escapeMarkdown(restore.title)}. Cost: ${escapeMarkdown(restore.cost)}`] : []), ...f.fixes.map(escapeProse)];
  return [
    escapeMarkdown(f.explanation),
    '',
    entryList(f.entries, ctx),
    '',
    '**Fixes, best first:**',
    ...fixes.map((fix, i) => `${i + 1}. ${fix}`),
  ].join('\n');
}

function entryList(entries: readonly FindingEntry[], ctx: RenderContext): string {
  const rest = entries.length - SHOWN_PER_LIST;
  return entries.slice(0, SHOWN_PER_LIST).map((e) => {
    const scope = e.role === 'winner' ? 'wins' : e.role === 'shadowed' ? 'shadowed' : 'undetermined';
    const differs = [
      e.role !== 'winner' && e.winsFor.length > 0 ? `wins for ${nsList(e.winsFor)}` : '',
      e.role !== 'shadowed' && e.losesFor.length > 0 ? `shadowed for ${nsList(e.losesFor)}` : '',
    ].filter(Boolean);
    const where = differs.length > 0 ? ` (${differs.join('; ')})` : '';
    return `- **${scope}**${where}: ${inlineCode(`${e.namespace}/${e.name}`)} ${e.hosts.map(inlineCode).join(', ')} ${escapeMarkdown(e.protocol)} at ${locationLink(e.portLocation, ctx)}`;
  }).concat(rest > 0 ? [`- … and ${rest} more entries (all of them are in the JSON report)`] : []).join('\n');
}

function diagnosticsSection(diagnostics: readonly Diagnostic[], ctx: RenderContext, changed: Set<string> | undefined): string {
  if (diagnostics.length === 0) return '';
  const relevant = changed ? [...diagnostics].sort((a, b) => Number(changed.has(b.location.path)) - Number(changed.has(a.location.path))) : diagnostics;
  const lines = relevant.map((d) => `- ${SEVERITY_BADGE[d.severity]} ${locationLink(d.location, ctx)}: ${escapeMarkdown(d.message)}${changed?.has(d.location.path) ? ' *(changed in this pull request)*' : ''}`);
  return `<details open><summary>Files that could not be fully read (${diagnostics.length})</summary>\n\n${lines.join('\n')}\n</details>`;
}

function locationLink(location: SourceLocation, ctx: RenderContext): string {
  const label = escapeMarkdown(`${location.path}:${location.line}`);
  const url = ctx.blobUrl?.(location.path, location.line);
  return url ? `[${label}](${safeUrl(url)})` : label;
}

/** Only unreserved characters stay: a `|`, bracket or parenthesis from a file name must not end the link or the table cell. */
export function safeUrl(url: string): string {
  return url.replace(/[^A-Za-z0-9\-._~:/?#=&%]/g, (c) => encodeURIComponent(c).replace(/[!'()*]/g, (x) => `%${x.charCodeAt(0).toString(16).toUpperCase()}`));
}

function refs(entries: readonly FindingEntry[]): string {
  return capped(entries.map((e) => inlineCode(`${e.namespace}/${e.name}`)), '<br>');
}

/** A table cell or list names a few items and counts the rest: one collision can hold thousands of entries. */
const SHOWN_PER_CELL = 5;
const SHOWN_PER_LIST = 20;

function capped(items: readonly string[], separator: string, limit = SHOWN_PER_CELL): string {
  if (items.length <= limit) return items.join(separator);
  return `${items.slice(0, limit).join(separator)}${separator}and ${items.length - limit} more`;
}

function nsList(namespaces: readonly string[]): string {
  return namespaces.map((n) => (n === '*' ? 'all other namespaces' : escapeMarkdown(n))).join(', ');
}

function countBySeverity(findings: readonly Finding[]): string {
  const order: Severity[] = ['error', 'warning', 'info'];
  return order
    .map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}${n > 1 && s !== 'info' ? 's' : ''}`)
    .join(', ');
}

/** Our own prose keeps its `code` spans; only what came from manifests inside it is untrusted, and it is plain text. */
function escapeProse(text: string): string {
  return text.split(/(`[^`]*`)/).map((part, i) => (i % 2 === 1 ? inlineCode(part.slice(1, -1)) : escapeMarkdown(part))).join('');
}

/**
 * Adds sections in order of importance while they fit, then says what was
 * left out and where to read it.
 */
function fitWithin(sections: readonly string[], ctx: RenderContext): string {
  const body = sections.filter(Boolean);
  const max = ctx.maxLength ?? Number.POSITIVE_INFINITY;
  const full = body.join('\n\n');
  if (full.length <= max) return full;
  const note = `\n\n> ⚠️ This report was cut to fit ${ctx.limitName ?? `GitHub's ${GITHUB_COMMENT_LIMIT.toLocaleString('en-US')}-character comment limit`}. ${escapeProse(ctx.fullReportHint ?? 'The full report is in the job summary of this check run.')}${ctx.fullReportUrl ? ` [Download the full report](${safeUrl(ctx.fullReportUrl)}).` : ''}`;
  const kept: string[] = [];
  let length = note.length;
  for (const section of body) {
    const cost = section.length + 2;
    if (length + cost > max) {
      // A long table is still worth its first rows; a cut-off details block is not.
      if (section.startsWith('|')) kept.push(truncateLines(section, max - length - 2));
      break;
    }
    kept.push(section);
    length += cost;
  }
  return kept.join('\n\n') + note;
}

function truncateLines(section: string, budget: number): string {
  const lines = section.split('\n');
  const out: string[] = [];
  let used = 0;
  for (const line of lines) {
    if (used + line.length + 1 > budget) break;
    out.push(line);
    used += line.length + 1;
  }
  return out.join('\n');
}

/** The run's meshes: those the caller names, else those the findings carry. */
function withMeshes(ctx: RenderContext, findings: readonly Finding[], named?: readonly string[]): RenderContext {
  if (ctx.meshes) return ctx;
  const meshes = [...new Set([...(named ?? []), ...findings.map((f) => f.mesh)])];
  return { ...ctx, meshes };
}

/** ` in 2 meshes: `prod`, `staging`` when the run has several; nothing for one. */
function meshList(ctx: RenderContext): string {
  const meshes = ctx.meshes ?? [];
  return meshes.length > 1 ? ` in ${meshes.length} meshes: ${capped(meshes.map(inlineCode), ', ', 10)}` : '';
}

function manyMeshes(ctx: RenderContext): boolean {
  return (ctx.meshes?.length ?? 0) > 1;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
