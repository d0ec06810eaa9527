import { plan, parse, celEnv } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';

/** A compiled x-kubernetes-validations rule: compiled once per process, evaluated per value. */
type Program = (self: unknown) => unknown;

const programs = new Map<string, Program>();
const env = celEnv({ funcs: strings });

function compile(rule: string): Program {
  const known = programs.get(rule);
  if (known) return known;
  const evaluate = plan(env, parse(rule));
  const program: Program = (self) => evaluate({ self } as never);
  programs.set(rule, program);
  return program;
}

/**
 * Runs one CEL rule with `self` bound to the value, as the API server does.
 * A rule that errors (a missing field, a type mismatch) fails, like there.
 */
export function ruleHolds(rule: string, self: unknown): boolean {
  try {
    return compile(rule)(self) === true;
  } catch {
    return false;
  }
}

/**
 * Plain parsed YAML in CEL's shapes: mappings become Maps, and numbers the
 * schema calls integers become bigints (CEL's int), the rest stay doubles.
 */
export function toCel(value: unknown, integer: boolean): unknown {
  if (typeof value === 'number' && integer && Number.isInteger(value)) return BigInt(value);
  if (Array.isArray(value)) return value;
  if (value && typeof value === 'object') return new Map(Object.entries(value));
  return value;
}
