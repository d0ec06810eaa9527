import type { ProtocolClass } from './model.js';

/**
 * Istio parses a ServiceEntry port's protocol case-insensitively and never
 * infers it from the port name, so an unknown or empty string means sniffing.
 */
const CLASS_BY_PROTOCOL: Record<string, ProtocolClass> = {
  HTTP: 'HTTP',
  HTTP2: 'HTTP',
  GRPC: 'HTTP',
  'GRPC-WEB': 'HTTP',
  HTTP_PROXY: 'HTTP',
  TLS: 'TLS',
  HTTPS: 'TLS',
  TCP: 'TCP',
  MONGO: 'TCP',
  MYSQL: 'TCP',
  REDIS: 'TCP',
  UDP: 'UDP',
};

export function protocolClassOf(protocol: string): ProtocolClass {
  return CLASS_BY_PROTOCOL[protocol.toUpperCase()] ?? 'AUTO';
}

/** Istio drops a whole port that disagrees in protocol with one of these on the same listener. */
export function isWellKnownPortProtocol(protocol: string): boolean {
  const p = protocol.toUpperCase();
  return p === 'MONGO' || p === 'MYSQL';
}

export function displayProtocol(protocol: string): string {
  return protocol === '' ? 'unset (sniffed)' : protocol;
}
