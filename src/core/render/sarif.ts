import type * as Sarif from 'sarif';
import type { Finding, FindingEntry, Severity, SourceLocation } from '../model.js';
import { RULES, RULE_CODES } from '../rules/catalog.js';
import type { CheckOutcome } from '../outcome/check-outcome.js';

/** What a SARIF log is made from: the same outcome the other formats show, and the tool's version. */
export interface SarifReport extends Omit<CheckOutcome, 'entryCount'> {
  toolVersion: string;
}

/** The partialFingerprints key: code scanning matches alerts across runs by it, so it never changes meaning. */
export const FINGERPRINT_KEY = 'serviceEntryGuardFindingId/v1';

/** GitHub code scanning shows at most 100 locations of a result; the rest are counted in the message. */
export const MAX_RELATED_LOCATIONS = 100;

const SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVEL: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * SARIF 2.1.0 for code scanning: one result per finding, located at the port
 * of the entry whose traffic goes astray, with every other member as a related
 * location, and the finding id as the fingerprint so an alert survives line
 * moves. Suppressed findings stay in the log with their suppression, and a
 * baseline shows as each result's baselineState.
 */
export function toSarifLog(report: SarifReport): Sarif.Log {
  const rules = RULE_CODES.map((code): Sarif.ReportingDescriptor => ({
    id: code,
    // SARIF wants a readable name that differs from the opaque id (the multitool's SARIF1001).
    name: code.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(''),
    shortDescription: { text: RULES[code].summary },
    fullDescription: { text: RULES[code].description },
    help: { text: `${RULES[code].description} Each result explains which entry wins, what happens to the traffic, and the fixes, best first.` },
    defaultConfiguration: { level: LEVEL[RULES[code].defaultSeverity] },
    properties: { tags: ['istio', 'serviceentry', 'envoy-listener'], precision: 'very-high' },
  }));
  const ruleIndex = new Map(RULE_CODES.map((code, i) => [code as string, i]));

  const results: Sarif.Result[] = [];
  const baselineState = (f: Finding): Sarif.Result.baselineState | undefined =>
    !report.baseline ? undefined : report.baseline.grown[f.id] ? 'updated' : 'new';
  for (const f of report.findings) results.push(toResult(f, ruleIndex, baselineState(f), []));
  for (const f of report.baseline?.baselined ?? []) results.push(toResult(f, ruleIndex, 'unchanged', []));
  for (const s of report.suppressed) {
    results.push(toResult(s.finding, ruleIndex, report.baseline ? 'unchanged' : undefined, s.suppressions.map((x): Sarif.Suppression => ({
      kind: x.source === 'annotation' ? 'inSource' : 'external',
      status: 'accepted',
      justification: x.reason,
      ...(x.location ? { location: { physicalLocation: physical(x.location) } } : {}),
      ...(x.expires ? { properties: { expires: x.expires } } : {}),
    }))));
  }

  return {
    $schema: SCHEMA_URI,
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'serviceentry-guard', fullName: 'ServiceEntry Guard', version: report.toolVersion, semanticVersion: report.toolVersion, rules } },
      invocations: [{
        executionSuccessful: true,
        toolExecutionNotifications: report.diagnostics.map((d): Sarif.Notification => ({
          level: LEVEL[d.severity] as Sarif.Notification.level,
          message: { text: d.message },
          descriptor: { id: d.code },
          locations: [{ physicalLocation: physical(d.location) }],
        })),
      }],
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
}

function toResult(f: Finding, ruleIndex: Map<string, number>, baselineState: Sarif.Result.baselineState | undefined, suppressions: Sarif.Suppression[]): Sarif.Result {
  const primary = primaryEntry(f);
  const others = f.entries.filter((e) => e !== primary);
  const related = others.slice(0, MAX_RELATED_LOCATIONS);
  const links = related.map((e, i) => `[${linkText(`${e.ref} (${e.role})`)}](${i + 1})`);
  const more = others.length - related.length;
  const fixes = f.fixes.map((fix, i) => `${i + 1}. ${fix}`).join(' ');
  const index = ruleIndex.get(f.rule);
  return {
    ruleId: f.rule,
    ...(index !== undefined ? { ruleIndex: index } : {}),
    level: LEVEL[f.severity],
    message: {
      text: `${f.title} (mesh ${f.mesh}). ${primary ? `${primary.ref} (${primary.role}) shares ${f.listener} with ${links.join(', ')}${more > 0 ? ` and ${more} more entries (the JSON format lists them all)` : ''}. ` : ''}${f.explanation}${fixes ? ` Fixes: ${fixes}` : ''}`,
    },
    locations: primary ? [location(primary)] : [],
    relatedLocations: related.map((e, i) => ({ id: i + 1, ...location(e) })),
    partialFingerprints: { [FINGERPRINT_KEY]: f.id },
    ...(baselineState ? { baselineState } : {}),
    ...(suppressions.length > 0 ? { suppressions } : {}),
    properties: { mesh: f.mesh, listener: f.listener, port: f.port, protocols: f.protocols, namespaces: f.namespaces, membersFingerprint: f.membersFingerprint },
  };
}

/** The entry people need to look at: one whose traffic goes elsewhere, else one whose fate is open. */
function primaryEntry(f: Finding): FindingEntry | undefined {
  return f.entries.find((e) => e.role === 'shadowed') ?? f.entries.find((e) => e.role === 'undetermined') ?? f.entries[0];
}

function location(e: FindingEntry): Sarif.Location {
  return { physicalLocation: physical(e.portLocation), message: { text: `${e.ref} (${e.role}) ${e.hosts.join(', ')} ${e.protocol}` } };
}

function physical(l: SourceLocation): Sarif.PhysicalLocation {
  return { artifactLocation: artifact(l.path), region: { startLine: Math.max(1, l.line), startColumn: Math.max(1, l.column) } };
}

/** Relative paths resolve against the checkout (%SRCROOT%), which is what code scanning expects. */
function artifact(path: string): Sarif.ArtifactLocation {
  const slashed = path.replace(/\\/g, '/');
  const encoded = slashed.split('/').map(encodeURIComponent).join('/');
  if (slashed.startsWith('/')) return { uri: `file://${encoded}` };
  return { uri: encoded.replace(/^(\.\/)+/, ''), uriBaseId: '%SRCROOT%' };
}

/** In SARIF message links, square brackets in the text are escaped with a backslash. */
function linkText(text: string): string {
  return text.replace(/[[\]\\]/g, (c) => `\\${c}`);
}
