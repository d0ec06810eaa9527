import picomatch from 'picomatch';
import type { Diagnostic, Finding, SourceLocation } from '../model.js';
import { isRuleCode, RULE_CODES } from '../rules/catalog.js';
import type { SuppressedFinding, Suppression } from './suppression.js';

export interface SuppressionOutcome {
  /** Findings still counted against the run. */
  findings: Finding[];
  /** Findings accepted by suppressions: reported as such, never dropped. */
  suppressed: SuppressedFinding[];
  /** Suppressions that are wrong, expired, partial or unused. */
  diagnostics: Diagnostic[];
}

export interface SuppressionOptions {
  /** Today as `YYYY-MM-DD` (UTC); passed in so the core stays free of clocks. */
  today: string;
}

/** Where a config suppression with no recorded position is reported. */
const CONFIG_FILE = '.serviceentry-guard.yaml';

interface Active {
  suppression: Suppression;
  matches: (ref: string) => boolean;
  used: boolean;
}

/**
 * Sets aside the findings that suppressions accept. A finding is suppressed
 * only when every one of its entries is covered by a valid suppression of its
 * rule: a new entry joining an accepted collision brings it back, so nobody's
 * decision about their own entry silences someone else's. A suppression that
 * has no reason, names an unknown rule, or has expired suppresses nothing and
 * is reported.
 */
export function applySuppressions(findings: readonly Finding[], suppressions: readonly Suppression[], options: SuppressionOptions): SuppressionOutcome {
  const diagnostics: Diagnostic[] = [];
  const active: Active[] = [];
  const expired: Suppression[] = [];
  for (const s of suppressions) {
    const problem = invalidity(s);
    if (problem) {
      diagnostics.push({ severity: 'error', code: problem.code, message: `${subject(s)} ${problem.message}; it suppresses nothing`, location: where(s) });
    } else if (s.expires !== undefined && s.expires <= options.today) {
      expired.push(s);
    } else {
      active.push({ suppression: s, matches: picomatch(s.entry, { dot: true }), used: false });
    }
  }
  if (active.length === 0 && expired.length === 0) return { findings: [...findings], suppressed: [], diagnostics };

  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const finding of findings) {
    const forRule = active.filter((a) => a.suppression.rule === finding.rule);
    const used = new Set<Active>();
    const uncovered: string[] = [];
    for (const entry of finding.entries) {
      const covering = forRule.filter((a) => a.matches(entry.ref));
      if (covering.length === 0) uncovered.push(entry.ref);
      for (const a of covering) used.add(a);
    }
    if (uncovered.length === 0 && used.size > 0) {
      for (const a of used) a.used = true;
      suppressed.push({ finding, suppressions: [...used].map((a) => a.suppression) });
      continue;
    }
    kept.push(finding);
    for (const a of used) {
      a.used = true;
      diagnostics.push({
        severity: 'info',
        code: 'suppression-partial',
        message: `${subject(a.suppression)} covers only part of finding ${finding.id} on ${finding.listener}: ${listRefs(uncovered)} ${uncovered.length === 1 ? 'is' : 'are'} not covered, so the finding is still reported (a finding is suppressed only when all its entries are)`,
        location: where(a.suppression),
      });
    }
  }

  for (const s of expired) {
    const matches = picomatch(s.entry, { dot: true }); // compiled once: a finding can hold 100k entries
    const wouldCover = findings.filter((f) => f.rule === s.rule && f.entries.some((e) => matches(e.ref)));
    diagnostics.push({
      severity: 'warning',
      code: 'suppression-expired',
      message: `${subject(s)} expired on ${s.expires} and no longer suppresses anything${wouldCover.length > 0 ? `: finding ${wouldCover.map((f) => `${f.id} on ${f.listener}`).join(', ')} is reported again; fix it, or renew the suppression with a new date and a reason that still holds` : '; it matches no finding now, so it can be removed'}`,
      location: where(s),
    });
  }
  for (const a of active) {
    if (a.used) continue;
    diagnostics.push({ severity: 'info', code: 'suppression-unused', message: `${subject(a.suppression)} matches no ${a.suppression.rule} finding; it can be removed`, location: where(a.suppression) });
  }
  return { findings: kept, suppressed, diagnostics };
}

function invalidity(s: Suppression): { code: string; message: string } | undefined {
  if (!isRuleCode(s.rule)) return { code: 'suppression-unknown-rule', message: `names no known rule (rules: ${RULE_CODES.join(', ')})` };
  if (s.reason.trim() === '') {
    return {
      code: 'suppression-without-reason',
      message: s.source === 'annotation'
        ? `has no reason: write it as "${s.rule}: <why this collision is acceptable>"`
        : 'has no reason: add a reason saying why this collision is acceptable',
    };
  }
  if (s.expires !== undefined && !isIsoDate(s.expires)) return { code: 'suppression-bad-expiry', message: `has expiry ${JSON.stringify(s.expires)}, not a date written YYYY-MM-DD` };
  if (s.entry.trim() === '') return { code: 'suppression-without-entry', message: 'names no entry (a namespace/name glob such as egress/*)' };
  return undefined;
}

function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

function subject(s: Suppression): string {
  return s.source === 'annotation'
    ? `the serviceentry-guard.io/ignore annotation of ${s.entry} for ${JSON.stringify(s.rule)}`
    : `the config suppression of ${JSON.stringify(s.rule)} for ${JSON.stringify(s.entry)}`;
}

function where(s: Suppression): SourceLocation {
  return s.location ?? { path: CONFIG_FILE, line: 1, column: 1 };
}

function listRefs(refs: readonly string[]): string {
  return refs.length <= 3 ? refs.join(', ') : `${refs.slice(0, 3).join(', ')} and ${refs.length - 3} more`;
}
