import type { MaterializedMesh } from '../../src/core/analysis/analyze-meshes.js';
import type { SourceFile } from '../../src/core/model.js';
import type { MeshPlan } from '../../src/core/repository/mesh-plan.js';

/** A ServiceEntry with one TCP port and no addresses: the shape that collides on 0.0.0.0_<port>. */
export function tcpEntry(name: string, host: string, port = 443, namespace = 'egress'): string {
  return `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  hosts: [${host}]
  ports:
    - number: ${port}
      name: tcp
      protocol: TCP
  resolution: DNS
`;
}

/** A mesh made of plain files, as the seam hands it to the analysis. */
export function fileMesh(name: string, files: SourceFile[], settings: MeshPlan['settings'] = { defaultNamespace: 'default', mesh: {} }, why = `test mesh ${name}`): MaterializedMesh {
  return { plan: { name, inputs: [{ kind: 'files', paths: files.map((f) => f.path) }], settings, why }, files, diagnostics: [] };
}
