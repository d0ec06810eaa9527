import type { ServiceEntry } from '../model.js';

/** Ports whose clients open with a TLS ClientHello carrying SNI, so SNI matching (`protocol: TLS`) can tell hosts apart. */
export const TLS_FIRST_PORTS: ReadonlySet<number> = new Set([443, 8443, 9443, 6443, 993, 995, 465, 636, 5671, 8883, 6697, 990]);

/**
 * Ports whose protocols start in plaintext and negotiate TLS inside (MySQL,
 * PostgreSQL, Redis, MongoDB, SMTP/STARTTLS, IMAP/POP3, SQL Server, LDAP,
 * AMQP, memcached): no ClientHello opens the connection, so an SNI match
 * never sees a name and `protocol: TLS` would break them.
 */
export const IN_PROTOCOL_TLS_PORTS: ReadonlySet<number> = new Set([3306, 33060, 5432, 6379, 27017, 27018, 27019, 25, 587, 110, 143, 1433, 389, 5672, 11211, 21]);

const IN_PROTOCOL_TLS_PROTOCOLS = new Set(['MYSQL', 'MONGO', 'REDIS']);
const TLS_PORT_NAME = /^(tls|https)/i;

/**
 * Whether `protocol: TLS` is a cure for these entries on this port: only
 * where clients open with a TLS ClientHello (a TLS-first port, or every port
 * named tls/https) and never for protocols whose TLS starts inside them.
 */
export function tlsFixApplies(port: number, entries: readonly ServiceEntry[]): boolean {
  if (IN_PROTOCOL_TLS_PORTS.has(port)) return false;
  // One pass without intermediate arrays: a finding can hold 100k entries. On a TLS-first port the names
  // do not matter, so they are not tested: only a protocol with TLS inside can still rule it out.
  const tlsFirst = TLS_FIRST_PORTS.has(port);
  let count = 0;
  let allNamedTls = true;
  for (const e of entries) {
    for (const p of e.ports) {
      if (p.number !== port) continue;
      if (IN_PROTOCOL_TLS_PROTOCOLS.has(p.protocol)) return false;
      count++;
      if (!tlsFirst && allNamedTls && !TLS_PORT_NAME.test(p.name)) allNamedTls = false;
    }
  }
  return tlsFirst || (count > 0 && allNamedTls);
}

/**
 * An entry for a real external service: MESH_EXTERNAL (the default) and a
 * public-looking hostname. Its port is the remote operator's, not ours to move.
 */
export function isRealExternalHost(entry: ServiceEntry): boolean {
  if (entry.meshLocation === 'MESH_INTERNAL') return false;
  return entry.hosts.some((h) => {
    const name = h.replace(/^\*\./, '');
    return name.includes('.') && !/\.(local|svc|internal|cluster\.local|localdomain|lan|home\.arpa)$/i.test(name);
  });
}
