/**
 * Where a run's wall-clock time went, step by step: printed on standard error when
 * SERVICEENTRY_GUARD_TIMINGS is set, for someone asking why a large repository takes
 * the time it does, and for the benchmark (bench/phases.mjs), which holds each step
 * to the bare read and parse of the same files.
 */
export const TIMINGS_ENV = 'SERVICEENTRY_GUARD_TIMINGS';

/** Ends the step under way: the time since the previous mark (or the clock's start) is that step's. */
export type PhaseMark = (phase: string) => void;

export class PhaseTimings {
  private readonly phases: Array<{ name: string; ms: number }> = [];
  private last: number;

  /** `now` in milliseconds; `start` is when the first step began (for the CLI: the process's start, 0 on performance.now()). */
  constructor(private readonly now: () => number, private readonly start = now()) {
    this.last = start;
  }

  readonly mark: PhaseMark = (phase) => {
    const at = this.now();
    this.phases.push({ name: phase, ms: at - this.last });
    this.last = at;
  };

  /** One line: each step in order, then the total since the start, in whole milliseconds. */
  line(): string {
    const ms = (value: number) => `${Math.round(value)} ms`;
    return `serviceentry-guard: timings: ${this.phases.map((p) => `${p.name} ${ms(p.ms)}`).join(', ')}; total ${ms(this.last - this.start)}\n`;
  }
}

/** The clock the CLI runs with when the environment asks for one: steps timed from the process's start. */
export function timingsFromEnvironment(env: NodeJS.ProcessEnv, now: () => number = () => performance.now()): PhaseTimings | undefined {
  const value = env[TIMINGS_ENV];
  return value === undefined || value === '' || value === '0' ? undefined : new PhaseTimings(now, 0);
}
