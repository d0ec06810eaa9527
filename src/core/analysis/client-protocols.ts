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
  const tally = new TlsFixTally(port);
  for (const e of entries) tally.add(e);
  return tally.applies();
}

/** tlsFixApplies, told one entry at a time, so a pass over a finding's members that does other work can answer it too. */
export class TlsFixTally {
  private readonly tlsFirst: boolean;
  /** A plaintext-first port, or a protocol with TLS inside on it: no entry can change the answer. */
  private ruledOut: boolean;
  private count = 0;
  private allNamedTls = true;

  constructor(private readonly port: number) {
    this.ruledOut = IN_PROTOCOL_TLS_PORTS.has(port);
    this.tlsFirst = TLS_FIRST_PORTS.has(port);
  }

  add(entry: ServiceEntry): void {
    if (this.ruledOut) return;
    for (const p of entry.ports) {
      if (p.number !== this.port) continue;
      if (IN_PROTOCOL_TLS_PROTOCOLS.has(p.protocol)) {
        this.ruledOut = true;
        return;
      }
      this.count++;
      // On a TLS-first port the names do not matter: only a protocol with TLS inside can still rule it out.
      if (!this.tlsFirst && this.allNamedTls && !TLS_PORT_NAME.test(p.name)) this.allNamedTls = false;
    }
  }

  applies(): boolean {
    return !this.ruledOut && (this.tlsFirst || (this.count > 0 && this.allNamedTls));
  }
}

/**
 * An entry for a real external service: MESH_EXTERNAL (the default) and a
 * public-looking hostname. Its port is the remote operator's, not ours to move.
 */
export function isRealExternalHost(entry: ServiceEntry): boolean {
  if (entry.meshLocation === 'MESH_INTERNAL') return false;
  return entry.hosts.some(isPublicLookingName);
}

const PRIVATE_SUFFIX = /\.(local|svc|internal|cluster\.local|localdomain|lan|home\.arpa)$/i;

function isPublicLookingName(host: string): boolean {
  const name = host.startsWith('*.') ? host.slice(2) : host;
  return name.includes('.') && !PRIVATE_SUFFIX.test(name);
}
