import { aerakiEvidence, isAerakiPortName } from '../../../src/core/repository/controller-evidence.js';
import { loadSources } from '../../../src/core/load/load-sources.js';

const entry = (portName: string) =>
  `apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: svc\nspec:\n  hosts: [svc.example.com]\n  ports: [{number: 20880, name: ${portName}, protocol: TCP}]\n  resolution: STATIC\n`;

describe('evidence that Aeraki addresses a mesh\'s entries', () => {
  test('Aeraki reads the protocol from the second part of the port name: dubbo, thrift and metaprotocol are its own', () => {
    expect(['tcp-dubbo', 'tcp-thrift', 'tcp-metaprotocol-brpc', 'TCP-Dubbo-v2'].filter(isAerakiPortName)).toHaveLength(4);
  });

  test('names Istio itself gives meaning to (tcp-mysql, tcp-redis, tcp-kafka) or a protocol in first place say nothing', () => {
    expect(['tcp', 'tcp-mysql', 'tcp-redis', 'tcp-mongo', 'tcp-kafka', 'tcp-zookeeper', 'dubbo', 'dubbo-tcp', ''].filter(isAerakiPortName)).toEqual([]);
  });

  test('the evidence names the port and where it is written, first by path', () => {
    const { entries } = loadSources([{ path: 'b.yaml', text: entry('tcp-thrift') }, { path: 'a.yaml', text: entry('tcp-dubbo') }], { defaultNamespace: 'default' });
    expect(aerakiEvidence(entries)).toEqual({ reason: 'Aeraki port name tcp-dubbo at a.yaml:7' });
    expect(aerakiEvidence(loadSources([{ path: 'a.yaml', text: entry('tcp-mysql') }], { defaultNamespace: 'default' }).entries)).toBeUndefined();
  });
});
