import { formatLocation, type Diagnostic, type Finding } from '../model.js';

/** Terminal output: one block per finding, most severe first, then unreadable files. */
export function renderFindingsText(findings: readonly Finding[], diagnostics: readonly Diagnostic[], entryCount: number): string {
  const out: string[] = [];
  for (const f of findings) {
    out.push(`${f.severity.toUpperCase()} ${f.rule} ${f.listener} (port ${f.port}, ${f.protocols.join('/')})  [${f.id}]`);
    out.push(`  ${oneLine(f.title)}`);
    out.push(`  consumers: ${f.namespaces.map((n) => (n === '*' ? 'all namespaces' : n)).join(', ')}`);
    for (const e of f.entries) {
      out.push(`  - ${e.role.padEnd(12)} ${e.namespace}/${e.name} ${e.hosts.join(', ')} ${e.protocol}  ${formatLocation(e.portLocation)}`);
    }
    out.push(...wrap(oneLine(f.explanation), 100).map((l) => `  ${l}`));
    out.push('  fixes:');
    f.fixes.forEach((fix, i) => out.push(...wrap(oneLine(fix), 96).map((l, j) => (j === 0 ? `   ${i + 1}. ${l}` : `      ${l}`))));
    out.push('');
  }
  for (const d of diagnostics) out.push(`${formatLocation(d.location)}: ${d.severity}: ${oneLine(d.message)} [${d.code}]`);
  if (diagnostics.length > 0) out.push('');
  out.push(findings.length === 0
    ? `No listener collisions among ${entryCount} ServiceEntries.`
    : `${findings.length} finding${findings.length > 1 ? 's' : ''} among ${entryCount} ServiceEntries.`);
  return out.join('\n');
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
