/**
 * Evidence, in a mesh's own manifests, that a controller writes `spec.addresses`
 * into its ServiceEntries. Aeraki's ServiceEntry controller (internal/controller/kube/
 * serviceentry.go, registered unconditionally by its server) gives every entry
 * of the cluster that has no `spec.addresses` and whose resolution is not NONE a
 * VIP from 240.240.0.0/16, so such entries never share a wildcard listener there.
 * Aeraki reads a port's protocol from the second dash-separated part of its name
 * (`tcp-dubbo`, `tcp-metaprotocol-brpc`: GetLayer7ProtocolFromPortName). Only the
 * protocols nothing but Aeraki gives meaning to count as evidence: `tcp-mysql`,
 * `tcp-redis`, `tcp-mongo`, `tcp-kafka` or `tcp-zookeeper` are also Istio's own
 * `<protocol>-<suffix>` naming and say nothing about the cluster.
 */
import type { ServiceEntry } from '../model.js';

const AERAKI_ONLY_PROTOCOLS = new Set(['dubbo', 'thrift', 'metaprotocol']);

export interface ControllerEvidence {
  /** E.g. `port tcp-dubbo at demo/se.yaml:13`. */
  reason: string;
}

export function isAerakiPortName(name: string): boolean {
  // The second dash-separated part, found without splitting: every port of every entry is asked, 100k at a time.
  const start = name.indexOf('-');
  if (start < 0) return false;
  const end = name.indexOf('-', start + 1);
  const length = (end < 0 ? name.length : end) - start - 1;
  if (length < SHORTEST_PROTOCOL || length > LONGEST_PROTOCOL) return false;
  return AERAKI_ONLY_PROTOCOLS.has(name.slice(start + 1, start + 1 + length).toLowerCase());
}

/** No character lower-cases to one of these letters with another length, so a part of any other length is none of them. */
const SHORTEST_PROTOCOL = Math.min(...[...AERAKI_ONLY_PROTOCOLS].map((p) => p.length));
const LONGEST_PROTOCOL = Math.max(...[...AERAKI_ONLY_PROTOCOLS].map((p) => p.length));

/** The first port (in path, then line order) named for an Aeraki protocol, if any. */
export function aerakiEvidence(entries: readonly ServiceEntry[]): ControllerEvidence | undefined {
  let best: { path: string; line: number; name: string } | undefined;
  for (const entry of entries) {
    for (const port of entry.ports) {
      if (!isAerakiPortName(port.name)) continue;
      const at = { path: port.location.path, line: port.location.line, name: port.name };
      if (!best || at.path < best.path || (at.path === best.path && at.line < best.line)) best = at;
    }
  }
  return best && { reason: `Aeraki port name ${best.name} at ${best.path}:${best.line}` };
}
