/**
 * MeshConfig.serviceEntryVisibility (Istio 1.31+, "Safer ServiceEntry"): a
 * mesh administrator gives each namespace's ServiceEntries a visibility from
 * the namespace's labels (the first policy whose rules all match, else the
 * default). Ambient always honours it; sidecars only with `applyToSidecars`,
 * where it caps the entry's exportTo (PushContext.serviceExportTo): NAMESPACE
 * keeps the entry in its own namespace (`.`) if its exportTo reached that
 * namespace at all, else hides it; NONE hides it. It only ever narrows.
 */
import type { LabelSelector, MeshOptions, ServiceEntry, ServiceEntryVisibility, ServiceVisibility } from '../model.js';
import { istioProfile } from './istio-version.js';

const WIDEST_FIRST: readonly ServiceVisibility[] = ['PUBLIC', 'NAMESPACE', 'NONE'];

/** The exportTo sidecars act on once serviceEntryVisibility has capped it. */
export function capExportTo(entry: ServiceEntry, exportTo: readonly string[], mesh: MeshOptions): readonly string[] {
  const config = mesh.serviceEntryVisibility;
  if (!config?.applyToSidecars || !istioProfile(mesh.istioVersion).serviceEntryVisibility) return exportTo;
  // Only `~` was asked for: Istio honours it as it stands.
  if (exportTo.length === 1 && exportTo[0] === '~') return exportTo;
  switch (visibilityOf(entry.namespace, config, mesh.namespaceLabels)) {
    case 'NAMESPACE':
      return exportTo.includes('*') || exportTo.includes('.') || exportTo.includes(entry.namespace) ? ['.'] : ['~'];
    case 'NONE':
      return ['~'];
    default:
      return exportTo;
  }
}

/**
 * The visibility of a namespace's entries. A namespace whose Namespace object
 * the manifests do not hold has unknown labels: when its visibility would turn
 * on them, the widest one any policy could give is taken, so that no
 * collision is hidden by a guess.
 */
export function visibilityOf(namespace: string, config: ServiceEntryVisibility, labels: MeshOptions['namespaceLabels']): ServiceVisibility {
  const known = labels?.[namespace];
  if (known) {
    for (const policy of config.policies) if (policy.namespaceSelectors.every((s) => s !== undefined && selects(s, known))) return policy.visibility;
    return config.defaultVisibility;
  }
  const possible = [config.defaultVisibility, ...config.policies.map((p) => p.visibility)];
  return WIDEST_FIRST.find((v) => possible.includes(v)) ?? 'PUBLIC';
}

/** Kubernetes label-selector semantics: every matchLabels pair and every expression must hold; an empty selector selects all. */
export function selects(selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) if (labels[key] !== value) return false;
  for (const expression of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(labels, expression.key);
    const values = expression.values ?? [];
    switch (expression.operator) {
      case 'In': if (!has || !values.includes(labels[expression.key]!)) return false; break;
      case 'NotIn': if (has && values.includes(labels[expression.key]!)) return false; break;
      case 'Exists': if (!has) return false; break;
      case 'DoesNotExist': if (has) return false; break;
      // An operator Kubernetes does not know fails to compile in Istio, and a rule that did not compile never matches.
      default: return false;
    }
  }
  return true;
}
