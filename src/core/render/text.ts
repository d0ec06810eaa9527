import { formatLocation, type Diagnostic, type Finding } from '../model.js';
import { renderReviewSuppressionsText } from './set-aside.js';
import type { ClassifiedFinding, ReviewReport } from '../review/review-change.js';
import type { MeshSummary } from '../analysis/analyze-meshes.js';

const SHOWN_ENTRIES = 20;

/** Terminal output: one block per finding, most severe first, then unreadable files. */
export function renderFindingsText(findings: readonly Finding[], diagnostics: readonly Diagnostic[], entryCount: number, meshes: readonly MeshSummary[] = []): string {
  const out: string[] = [];
  for (const f of findings) {
    out.push(`${f.severity.toUpperCase()} ${f.rule} ${f.listener} (port ${f.port}, ${f.protocols.join('/')}) in mesh ${oneLine(f.mesh)}  [${f.id}]`);
    out.push(`  ${oneLine(f.title)}`);
    out.push(`  consumers: ${f.namespaces.map((n) => (n === '*' ? 'all namespaces' : n)).join(', ')}`);
    for (const e of f.entries.slice(0, SHOWN_ENTRIES)) {
      out.push(`  - ${e.role.padEnd(12)} ${e.namespace}/${e.name} ${e.hosts.join(', ')} ${e.protocol}  ${formatLocation(e.portLocation)}${byNamespace(e)}`);
    }
    if (f.entries.length > SHOWN_ENTRIES) out.push(`  - … and ${f.entries.length - SHOWN_ENTRIES} more entries (--format json lists them all)`);
    out.push(...wrap(oneLine(f.explanation), 100).map((l) => `  ${l}`));
    out.push('  fixes:');
    f.fixes.forEach((fix, i) => out.push(...wrap(oneLine(fix), 96).map((l, j) => (j === 0 ? `   ${i + 1}. ${l}` : `      ${l}`))));
    out.push('');
  }
  for (const d of diagnostics) out.push(`${formatLocation(d.location)}: ${d.severity}: ${oneLine(d.message)} [${d.code}]`);
  if (diagnostics.length > 0) out.push('');
  const inMeshes = meshes.length > 1 ? ` in ${meshes.length} meshes (${meshes.map((m) => `${oneLine(m.name)}: ${m.entryCount}`).join(', ')})` : '';
  out.push(findings.length === 0
    ? `No listener collisions among ${entryCount} ServiceEntries${inMeshes}.`
    : `${findings.length} finding${findings.length > 1 ? 's' : ''} among ${entryCount} ServiceEntries${inMeshes}.`);
  return out.join('\n');
}

/** Where an entry's outcome differs from its role, by namespace. */
function byNamespace(e: Finding['entries'][number]): string {
  const parts = [
    e.role !== 'winner' && e.winsFor.length > 0 ? `wins for ${e.winsFor.map(nsName).join(', ')}` : '',
    e.role !== 'shadowed' && e.losesFor.length > 0 ? `shadowed for ${e.losesFor.map(nsName).join(', ')}` : '',
  ].filter(Boolean);
  return parts.length > 0 ? `  (${parts.join('; ')})` : '';
}

function nsName(ns: string): string {
  return ns === '*' ? 'all other namespaces' : ns;
}

/** Terminal control characters from a manifest must not reach the terminal. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** A review of a change in the terminal: what it introduces first, then what it resolves, then what was there. */
export function renderReviewText(report: ReviewReport): string {
  const section = (title: string, list: readonly ClassifiedFinding[]) =>
    list.length === 0 ? [] : [`== ${title} (${list.length})`, '', renderFindingsText(list.map((c) => c.finding), [], 0).split('\n').slice(0, -1).join('\n')];
  const suggestions = report.introduced.flatMap((c) => [
    ...(report.suggestions[c.finding.id] ?? []).map((s) => `  [${c.finding.id}] ${oneLine(s.title)} (${s.kind}): ${s.changes.map((ch) => `${ch.path}:${ch.startLine}`).join(', ')}`),
    ...(report.fixNotes?.[c.finding.id] ? [`  [${c.finding.id}] no verified fix: ${oneLine(report.fixNotes[c.finding.id]!)}`] : []),
  ]);
  return [
    ...section('Introduced by this change', report.introduced),
    ...(suggestions.length > 0 ? ['== Verified fixes', '', ...suggestions, ''] : []),
    ...section('Resolved by this change', report.resolved),
    ...section('Already on the base branch', report.existing),
    ...renderReviewSuppressionsText(report.suppressions),
    ...report.diagnostics.map((d) => `${formatLocation(d.location)}: ${d.severity}: ${oneLine(d.message)} [${d.code}]`),
    `${report.introduced.length} introduced, ${report.resolved.length} resolved, ${report.existing.length} existing; ServiceEntries: ${report.baseEntryCount} on the base side, ${report.headEntryCount} on the head side.`,
  ].join('\n');
}
