import type { EntryRole } from '../model.js';
import { isRealExternalHost, TlsFixTally } from './client-protocols.js';
import { roleOf, type MemberOutcome } from './collision-accumulator.js';

/**
 * What a finding's fields and sentences ask of all of its members, gathered in one pass. A collision can
 * hold 100k members, and each walk over them follows pointers into scattered memory, whatever it computes:
 * in CPU profiles at 100k members, the protocol, TLS-cure and real-external-host walks this replaces took
 * 50–100 ms each.
 */
export interface MemberSurvey {
  /** The members of each role, in the finding's order. */
  winners: MemberOutcome[];
  losers: MemberOutcome[];
  open: MemberOutcome[];
  /** Each declared port protocol once, as written (`''` where unset), sorted. */
  protocols: readonly string[];
  /** Some unit's chain is sniffed (no protocol declared). */
  sniffed: boolean;
  /** Some unit's chain is plain TCP. */
  plainTcp: boolean;
  /** How many members of each role have resolution NONE (passthrough). */
  passthrough: Record<EntryRole, number>;
  /** Every member has resolution NONE (true for none at all, as `every` says). */
  allPassthrough: boolean;
  /** Shadowed and undetermined members whose port is ours to move (not a real external host); empty unless asked for. */
  movable: { shadowed: MemberOutcome[]; undetermined: MemberOutcome[] };
  /** Whether `protocol: TLS` cures the port for every member (see tlsFixApplies). */
  tlsFixApplies: boolean;
}

export interface SurveyOptions {
  /** Called with each member in order, in the same pass (the finding's own per-member record). */
  visit?: (member: MemberOutcome) => void;
  /** Find the movable members too: only explanations name them, and each costs a hostname test. */
  movable?: boolean;
}

export function surveyMembers(members: readonly MemberOutcome[], port: number, options: SurveyOptions = {}): MemberSurvey {
  const survey: MemberSurvey = {
    winners: [], losers: [], open: [], protocols: [], sniffed: false, plainTcp: false,
    passthrough: { winner: 0, shadowed: 0, undetermined: 0 },
    allPassthrough: true,
    movable: { shadowed: [], undetermined: [] },
    tlsFixApplies: false,
  };
  const protocols = new Set<string>();
  const tls = new TlsFixTally(port);
  for (const m of members) {
    options.visit?.(m);
    const role = roleOf(m);
    (role === 'winner' ? survey.winners : role === 'shadowed' ? survey.losers : survey.open).push(m);
    for (const u of m.units) {
      protocols.add(u.port.protocol);
      if (u.chain === 'auto') survey.sniffed = true;
      else if (u.chain === 'tcp') survey.plainTcp = true;
    }
    const entry = m.entry;
    if (entry.resolution === 'NONE') survey.passthrough[role]++;
    if (options.movable && role !== 'winner' && !isRealExternalHost(entry)) survey.movable[role].push(m);
    tls.add(entry);
  }
  survey.protocols = [...protocols].sort();
  survey.tlsFixApplies = tls.applies();
  survey.allPassthrough = survey.passthrough.winner + survey.passthrough.shadowed + survey.passthrough.undetermined === members.length;
  return survey;
}
