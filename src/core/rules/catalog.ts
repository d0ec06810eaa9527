import type { RuleCode, Severity } from '../model.js';

/** What a rule is about, for listings that name rules without a finding at hand (SARIF, help, suppressions). */
export interface RuleInfo {
  /** One line, as a heading. */
  summary: string;
  /** What happens in Envoy, in a sentence or two. */
  description: string;
  /** The severity most of its findings get; some findings of the rule are milder (see the README's rules table). */
  defaultSeverity: Severity;
}

/** Keyed by RuleCode, so a new rule does not compile until it is described here. */
export const RULES: Record<RuleCode, RuleInfo> = {
  'tcp-shadowed': {
    summary: 'TCP entries share one match-all listener chain',
    description: 'TCP-class or unset-protocol ports of different hosts share one match-all chain on the same listener (0.0.0.0_<port>, one IP, or one CIDR); Istio keeps the first and drops the rest, so traffic to the others goes to the wrong place.',
    defaultSeverity: 'error',
  },
  'tls-shadowed': {
    summary: 'TLS entries bound to one IP cannot be told apart',
    description: 'TLS ports bound to the same IP have no SNI to tell them apart: the later chain is dropped.',
    defaultSeverity: 'error',
  },
  'multi-host-tcp': {
    summary: 'One entry lists several hosts on a TCP port',
    description: "One entry lists several hosts on a TCP port: its own hosts collide; Istio's validation rejects it unless resolution is NONE.",
    defaultSeverity: 'error',
  },
  'well-known-port-protocol': {
    summary: 'A MONGO or MYSQL port shares a listener with another protocol',
    description: 'A MONGO or MYSQL port beside a port of another protocol on one listener: the later port is ignored entirely.',
    defaultSeverity: 'error',
  },
  'tcp-captures-tls-port': {
    summary: 'A match-all TCP chain sits beside SNI-matched TLS entries',
    description: 'TLS entries matched by SNI next to a match-all TCP chain: the TCP entry takes every connection no SNI claims, including passthrough traffic to unknown hosts.',
    defaultSeverity: 'warning',
  },
  'http-tcp-sniffing': {
    summary: 'HTTP and TCP entries share a port',
    description: "HTTP and TCP entries on one port: Envoy sniffs, and the TCP entry's plaintext-HTTP clients are routed by Host instead.",
    defaultSeverity: 'warning',
  },
  'cidr-overlap': {
    summary: 'Overlapping CIDRs on one port',
    description: 'Different CIDRs that overlap both stay; the longest prefix takes the shared addresses.',
    defaultSeverity: 'info',
  },
  'tcp-captures-port': {
    summary: 'A match-all TCP chain captures the whole port',
    description: 'A TCP-class or unset-protocol port with no address puts a match-all chain on 0.0.0.0_<port>: every connection on that port that no other chain claims goes to this entry; under ALLOW_ANY HTTPS to undeclared hosts reaches the wrong server, under REGISTRY_ONLY a passthrough entry bypasses the block.',
    defaultSeverity: 'error',
  },
  'host-split': {
    summary: 'One hostname is split over several entries',
    description: "A sidecar keeps one copy of a hostname (its own namespace's, else the first it imports): consumers that keep one copy lose the ports only the others declare, and with auto-allocation each entry gets its own VIP.",
    defaultSeverity: 'warning',
  },
  'same-host': {
    summary: 'One hostname is defined by several entries',
    description: 'One hostname in several entries: a sidecar keeps one service per hostname, so the later definitions do not apply.',
    defaultSeverity: 'info',
  },
};

export const RULE_CODES = Object.keys(RULES) as RuleCode[];

export function isRuleCode(name: string): name is RuleCode {
  return Object.prototype.hasOwnProperty.call(RULES, name);
}
