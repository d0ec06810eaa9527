/**
 * A pull request's review over meshes: each side is split by its own config
 * file (the change may edit it), materialized, and reviewed mesh by mesh.
 */
import type { Diagnostic, SourceFile } from '../core/model.js';
import type { FileRead } from './git/file-read.js';
import { sharedLoader, type PreloadedFile } from '../core/analysis/analyze-meshes.js';
import { planRepository } from '../core/repository/config-plan.js';
import { newIdentityShare, type FileLoader } from '../core/repository/infer-meshes.js';
import type { MeshSettings, RepositoryPlan } from '../core/repository/mesh-plan.js';
import type { RepositoryConfig } from '../core/repository/repository-config.js';
import { applyChanges, type ChangedFile } from '../core/review/apply-changes.js';
import type { ReviewInput, ReviewReport } from '../core/review/review-change.js';
import { reviewMeshes } from '../core/review/review-meshes.js';
import { settleReview } from '../core/review/settle-review.js';
import { unchangedMeshes } from '../core/review/unchanged-meshes.js';
import type { Suppression } from '../core/suppressions/suppression.js';
import { materializeSide, type Renderers } from './materialize-mesh.js';

/** A config file's text on one side, with its repository-relative path. */
export interface ConfigText {
  text: string;
  path: string;
}

export interface MeshReviewRequest {
  /** The base branch's selected files, repository-relative. */
  baseFiles: SourceFile[];
  changes: ChangedFile[];
  /** The config file at base and at head; undefined where the repository has none. */
  baseConfig: ConfigText | undefined;
  headConfig: ConfigText | undefined;
  /** What the CLI flags or action inputs say, under whatever the config leaves unset. */
  fallback: MeshSettings;
  maxFileBytes?: number;
  fixes?: ReviewInput['fixes'];
  /** Renderers for Kustomize roots and charts; without them such inputs are named as not rendered. */
  renderers?: Renderers;
  /** `YYYY-MM-DD` (UTC) for suppression expiry; today when absent. */
  today?: string;
  /** Base files already loaded (in worker threads, see src/adapters/load/parallel-load.ts), for either side to take. */
  preloaded?: readonly PreloadedFile[];
  /** Told as each step ends: plan, render, review. */
  onPhase?: (phase: string) => void;
}

export type MeshReview =
  | { ok: true; report: ReviewReport; basePlan: RepositoryPlan; headPlan: RepositoryPlan; config: RepositoryConfig | undefined; notes: string[] }
  /** The head's config file has errors: nothing is reviewed, since its meshes are unknown. */
  | { ok: false; diagnostics: Diagnostic[] };

export async function reviewByMesh(request: MeshReviewRequest): Promise<MeshReview> {
  const configPaths = new Set([request.baseConfig?.path, request.headConfig?.path].filter((p): p is string => p !== undefined));
  const manifests = (files: readonly SourceFile[]) => files.filter((f) => !configPaths.has(f.path));
  const baseFiles = manifests(request.baseFiles);
  const headFiles = manifests(applyChanges(request.baseFiles, request.changes));

  // One loader for planning and reviewing both sides: a file is parsed once, and an unchanged one once for both sides.
  const load = sharedLoader(request.maxFileBytes, request.preloaded);
  const planned = planSides(request, baseFiles, headFiles, load.one);
  if (!planned.ok) return planned;
  const { head, basePlan, baseOwnConfig, notes } = planned;
  request.onPhase?.('plan');

  const materializeAll = (plan: RepositoryPlan, files: readonly SourceFile[]) => materializeSide(plan, files, request.renderers);
  // A mesh the change does not reach is rendered and analysed once, on the head side.
  const unchanged = unchangedMeshes({ plan: basePlan, files: baseFiles }, { plan: head.plan, files: headFiles }, request.changes);
  const base = await materializeAll({ ...basePlan, meshes: basePlan.meshes.filter((m) => !unchanged.has(m.name)) }, baseFiles);
  const materializedHead = await materializeAll(head.plan, headFiles);
  request.onPhase?.('render');
  const report = reviewMeshes({
    base,
    head: materializedHead,
    unchanged,
    changes: request.changes,
    maxFileBytes: request.maxFileBytes,
    fixes: request.fixes,
    load,
  });
  report.diagnostics.unshift(...head.plan.diagnostics);
  const fromConfig = (config: RepositoryConfig | undefined): Suppression[] => (config?.suppressions ?? []).map((x) => ({ ...x, source: 'config' }));
  const settled = settleReview(report, {
    base: [...(report.annotationSuppressions?.base ?? []), ...fromConfig(baseOwnConfig)],
    head: [...(report.annotationSuppressions?.head ?? []), ...fromConfig(head.config)],
  }, request.today ?? new Date().toISOString().slice(0, 10));
  request.onPhase?.('review');
  return { ok: true, report: settled, basePlan, headPlan: head.plan, config: head.config, notes };
}

/**
 * Both sides' plans, each by its own config file (or the head's, see below). One step, so the per-file identity
 * work they share (see IdentityShare) is let go when it returns, before the review needs the memory.
 */
function planSides(request: MeshReviewRequest, baseFiles: readonly SourceFile[], headFiles: readonly SourceFile[], loadFile: FileLoader) {
  const share = newIdentityShare();
  const head = planRepository(request.headConfig, headFiles, request.fallback, loadFile, share);
  if (!head.plan) return { ok: false as const, diagnostics: head.diagnostics };
  const notes: string[] = [];
  // A pull request that adds the config file (or mends a broken one) states how the clusters were split all along:
  // the base is split the same way, so adding it does not turn every old collision into a resolved one.
  let base = planRepository(request.baseConfig, baseFiles, request.fallback, loadFile, share);
  // The base's own suppressions, even when its meshes are split by the head's config below.
  const baseOwnConfig = base.config;
  if (!base.plan && request.headConfig) {
    notes.push(`${request.baseConfig?.path ?? 'The config file'} has errors on the base branch; the base is split by the head's config instead.`);
    base = planRepository(request.headConfig, baseFiles, request.fallback, loadFile, share);
  } else if (!request.baseConfig && request.headConfig) {
    notes.push(`This change adds ${request.headConfig.path}; the base branch is split by it too, so only what the change does is reported.`);
    base = planRepository(request.headConfig, baseFiles, request.fallback, loadFile, share);
  }
  const basePlan = base.plan ?? planRepository(undefined, baseFiles, request.fallback, loadFile, share).plan!;
  return { ok: true as const, head: { plan: head.plan, config: head.config }, basePlan, baseOwnConfig, notes };
}

/** A config file as one side's reader returned it; one that exists but was not read (a symlink, too large) stops the run. */
export function configFromRead(path: string, read: FileRead | undefined): ConfigText | undefined {
  if (!read || read.kind === 'absent') return undefined;
  if (read.kind === 'skipped') throw new Error(`${path} ${read.diagnostic.message}; the repository config must be a regular file`);
  return { text: read.text, path };
}
