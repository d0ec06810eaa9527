/**
 * Helm charts in the repository: every folder holding a Chart.yaml. Whatever
 * lies under a chart (templates, values, subcharts) is the chart's, rendered
 * with it and never read file by file.
 */
import type { SourceFile } from '../model.js';
import { dirOf, isUnder } from './yaml-objects.js';

export interface HelmChart {
  dir: string;
  /** values.yaml beside Chart.yaml, when there is one (helm reads it by itself). */
  hasDefaultValues: boolean;
}

export function findHelmCharts(files: readonly SourceFile[]): HelmChart[] {
  const paths = new Set(files.map((f) => f.path));
  const dirs = files.filter((f) => /(^|\/)Chart\.ya?ml$/.test(f.path)).map((f) => dirOf(f.path)).sort();
  // A subchart (charts/<name>/ under another chart) is rendered by its parent.
  const outermost = dirs.filter((d) => !dirs.some((o) => o !== d && isUnder(d, o)));
  return outermost.map((dir) => ({ dir, hasDefaultValues: paths.has(dir ? `${dir}/values.yaml` : 'values.yaml') }));
}

export function chartOwning(path: string, charts: readonly HelmChart[]): HelmChart | undefined {
  return charts.find((c) => isUnder(path, c.dir) && path !== c.dir);
}
