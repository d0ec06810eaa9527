import { formatLocation, type Finding, type Severity, type SourceLocation } from '../model.js';
import type { CheckOutcome } from '../outcome/check-outcome.js';

type CommandLevel = 'error' | 'warning' | 'notice';
const LEVEL: Record<Severity, CommandLevel> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * GitHub Actions workflow commands (`::error file=…,line=…::…`), so any CI step
 * that runs the CLI gets annotations on the lines, with no action needed.
 * One annotation per finding, at the entry whose traffic goes astray, naming
 * the other entries; GitHub shows only the first 10 of each level per step,
 * so the closing lines also count everything in plain text.
 */
export function renderGithubCommands(outcome: CheckOutcome): string {
  const lines: string[] = [];
  for (const f of outcome.findings) {
    const grown = outcome.baseline?.grown[f.id];
    const note = grown ? ` New since the baseline: ${grown.join(', ')}.` : '';
    lines.push(command(LEVEL[f.severity], primaryLocation(f), `${f.rule} on ${f.listener} in mesh ${f.mesh}`, `${f.title}${note}\n${members(f)}\n${f.explanation}${f.fixes[0] ? `\nFix: ${f.fixes[0]}` : ''}`));
  }
  for (const s of outcome.suppressed) {
    const reasons = s.suppressions.map((x) => `${x.source} (${x.entry}): ${x.reason}`).join('; ');
    lines.push(command('notice', primaryLocation(s.finding), `suppressed: ${s.finding.rule} on ${s.finding.listener} in mesh ${s.finding.mesh}`, `${s.finding.title}\n${members(s.finding)}\nSuppressed by ${reasons}`));
  }
  for (const d of outcome.diagnostics) lines.push(command(LEVEL[d.severity], d.location, `serviceentry-guard: ${d.code}`, d.message));
  const baselined = outcome.baseline?.baselined.length ?? 0;
  lines.push(`serviceentry-guard: ${outcome.findings.length} finding${outcome.findings.length === 1 ? '' : 's'}, ${outcome.suppressed.length} suppressed${outcome.baseline ? `, ${baselined} in the baseline` : ''}, among ${outcome.entryCount} ServiceEntries.`);
  return lines.join('\n');
}

function primaryLocation(f: Finding): SourceLocation {
  const e = f.entries.find((x) => x.role === 'shadowed') ?? f.entries.find((x) => x.role === 'undetermined') ?? f.entries[0];
  return e ? e.portLocation : { path: '', line: 1, column: 1 };
}

function members(f: Finding): string {
  const shown = f.entries.slice(0, 20).map((e) => `${e.ref} (${e.role}) at ${formatLocation(e.portLocation)}`);
  return `Entries: ${shown.join(', ')}${f.entries.length > 20 ? ` and ${f.entries.length - 20} more` : ''}.`;
}

/** https://docs.github.com/actions/reference/workflow-commands-for-github-actions: escaping as @actions/core does it. */
function command(level: CommandLevel, at: SourceLocation, title: string, message: string): string {
  const props = [`file=${escapeProperty(at.path)}`, `line=${at.line}`, `col=${at.column}`, `title=${escapeProperty(title)}`].join(',');
  return `::${level} ${props}::${escapeData(message)}`;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
