/**
 * The JSON Schema of `.serviceentry-guard.yaml`. It lives here so the parser
 * validates against exactly what ships: `schema/serviceentry-guard.schema.json`
 * is written from this object (`npm run schema`) and a test fails when the two
 * differ. Editors read the JSON file through the `yaml-language-server` comment.
 */

const namespaceName = { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$', maxLength: 63 } as const;

/** The Istio settings of a mesh; `defaults` and each mesh's `settings` share them. */
const settings = {
  type: 'object',
  additionalProperties: false,
  properties: {
    defaultNamespace: { ...namespaceName, description: 'Namespace of manifests that set none (what `kubectl apply -n` or the Argo CD destination gives them). Default: default.' },
    defaultExportTo: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      minItems: 1,
      description: 'MeshConfig defaultServiceExportTo. Default: ["*"].',
    },
    rootNamespace: { ...namespaceName, description: 'Istio root namespace, whose Sidecar without a selector is the mesh-wide default. Default: istio-system.' },
    autoAllocate: { type: 'boolean', description: 'Consumers run Istio DNS capture with IP auto-allocation, so entries without addresses get their own VIP. Default: false.' },
    istioVersion: { type: 'string', pattern: '^[0-9]+\\.[0-9]+(\\.[0-9]+)?$', description: 'Istio version the mesh runs, e.g. "1.30"; verdicts that differ by version follow it.' },
    outboundTrafficPolicy: { enum: ['ALLOW_ANY', 'REGISTRY_ONLY'], description: 'MeshConfig outboundTrafficPolicy.mode. Default: ALLOW_ANY.' },
    dnsCapture: { type: 'boolean', description: 'Sidecars run Istio DNS capture (ISTIO_META_DNS_CAPTURE) mesh-wide.' },
    autoAllocatePrefix: {
      type: 'string',
      pattern: '^([0-9]{1,3}\\.){3}[0-9]{1,3}/[0-9]{1,2}$',
      description: 'PILOT_IP_AUTOALLOCATE_IPV4_PREFIX, where istiod allocates VIPs; suggested VIPs stay outside it.',
    },
    controllerManagedAddresses: { type: 'boolean', description: 'A controller (e.g. Aeraki) writes spec.addresses VIPs for entries without addresses.' },
  },
} as const;

const pathList = { type: 'array', items: { type: 'string', minLength: 1 } } as const;

export const REPOSITORY_CONFIG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'ServiceEntry Guard repository config (.serviceentry-guard.yaml)',
  description: 'Declares the meshes (clusters) of a repository: which manifests form each one and its Istio settings. Entries of different meshes never collide.',
  type: 'object',
  additionalProperties: false,
  required: ['meshes'],
  properties: {
    defaults: { ...settings, description: 'Settings every mesh inherits unless it sets its own.' },
    render: {
      type: 'object',
      additionalProperties: false,
      description: 'How Kustomize roots and Helm charts are rendered.',
      properties: {
        allowRemote: { type: 'boolean', description: 'Let kustomize fetch remote bases and helm remote charts. Default: false (no network).' },
      },
    },
    meshes: {
      type: 'array',
      minItems: 1,
      description: 'The meshes of this repository; a file may belong to several (a shared base) and is analysed in each.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        anyOf: [{ required: ['paths'] }, { required: ['kustomize'] }, { required: ['helm'] }],
        properties: {
          name: { type: 'string', pattern: '^[A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?$', description: 'Named in every finding of this mesh.' },
          paths: { ...pathList, description: 'Globs of repository-relative manifest paths read as they are; a leading ! excludes.' },
          kustomize: { ...pathList, description: 'Folders holding a kustomization that is built (kustomize build), not read file by file.' },
          helm: {
            type: 'array',
            description: 'Charts rendered with helm template.',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['chart'],
              properties: {
                chart: { type: 'string', minLength: 1, description: 'Repository-relative chart folder.' },
                valueFiles: { ...pathList, description: 'Repository-relative values files, in order.' },
                releaseName: { type: 'string', minLength: 1, description: 'Default: the chart folder name.' },
                namespace: { ...namespaceName, description: 'Release namespace. Default: the mesh defaultNamespace.' },
              },
            },
          },
          settings: { ...settings, description: 'This mesh\'s Istio settings; unset ones come from defaults.' },
        },
      },
    },
    suppressions: {
      type: 'array',
      description: 'Findings accepted on purpose, each with a reason.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['rule', 'entry', 'reason'],
        properties: {
          rule: {
            enum: ['tcp-shadowed', 'tls-shadowed', 'tcp-captures-tls-port', 'http-tcp-sniffing', 'well-known-port-protocol', 'cidr-overlap', 'same-host', 'multi-host-tcp'],
            description: 'The rule of the findings to suppress.',
          },
          entry: { type: 'string', minLength: 1, description: 'Glob over `namespace/name` of an entry in the finding.' },
          reason: { type: 'string', minLength: 1, description: 'Why this finding is accepted; shown in reports.' },
          expires: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD after which the suppression no longer applies.' },
        },
      },
    },
  },
} as const;
