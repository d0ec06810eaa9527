import type { Severity } from '../core/model.js';
import { DEFAULT_PATH_GLOBS, parseGlobList } from '../core/paths.js';
import { DEFAULT_MAX_INLINE_COMMENTS } from '../core/review-comments/inline-plan.js';
import { DEFAULT_VIP_POOL, isUsableVipPool } from '../core/fixes/vip-pool.js';
import { isValidIstioVersion } from '../core/analysis/istio-version.js';

/**
 * review:  sticky summary comment + one review with inline comments + job summary + annotations
 * comment: sticky summary comment + job summary + annotations (no inline comments)
 * summary: job summary + annotations only; never writes to the pull request
 * check:   exit code and outputs only
 */
export const MODES = ['review', 'comment', 'summary', 'check'] as const;
export type Mode = (typeof MODES)[number];

export const FAIL_LEVELS = ['error', 'warning', 'info', 'never'] as const;

export interface ActionInputs {
  token: string;
  paths: string[];
  failLevel: Severity | 'never';
  /** Fail when a ServiceEntry is seen only as an unrendered template. */
  failOnUnrendered: boolean;
  defaultNamespace: string;
  autoAllocate: boolean;
  mode: Mode;
  /** undefined keeps Istio's default (["*"]). */
  meshDefaultExportTo: string[] | undefined;
  /** undefined: what the repository's MeshConfig says, else istio-system. */
  rootNamespace: string | undefined;
  /** Login our earlier comments were posted as; empty means ask GitHub. */
  commentAuthor: string | undefined;
  maxInlineComments: number;
  /** Upload the full report as a workflow artifact when an output had to be cut. */
  uploadReport: boolean;
  /** Where suggested VIPs come from. */
  vipPool: string;
  /** Repository config path set explicitly; undefined uses `.serviceentry-guard.yaml` when the repository has one. */
  config: string | undefined;
  /** Istio minor the mesh runs; undefined keeps the engine's default. */
  istioVersion?: string;
  outboundTrafficPolicy?: 'ALLOW_ANY' | 'REGISTRY_ONLY';
  /** undefined: not said (off, Istio's default). */
  dnsCapture?: boolean;
  autoAllocatePrefix?: string;
}

export class InputError extends Error {
  override name = 'InputError';
}

/** Reads and checks every input; a wrong value stops the run with the input's name and what it accepts. */
export function readInputs(getInput: (name: string) => string): ActionInputs {
  const text = (name: string, fallback: string) => getInput(name).trim() || fallback;
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const value = text(name, fallback).toLowerCase();
    if (!(allowed as readonly string[]).includes(value)) throw new InputError(`input ${name} is ${JSON.stringify(value)}; expected one of ${allowed.join(', ')}`);
    return value as T;
  };
  const list = (name: string) => parseGlobList(getInput(name));
  const flag = (name: string) => {
    const value = text(name, 'false').toLowerCase();
    if (!['true', 'false'].includes(value)) throw new InputError(`input ${name} is ${JSON.stringify(value)}; expected true or false`);
    return value === 'true';
  };
  const flagOn = (name: string) => {
    const value = text(name, 'true').toLowerCase();
    if (!['true', 'false'].includes(value)) throw new InputError(`input ${name} is ${JSON.stringify(value)}; expected true or false`);
    return value === 'true';
  };
  const max = Number(text('max-inline-comments', String(DEFAULT_MAX_INLINE_COMMENTS)));
  if (!Number.isInteger(max) || max < 0) throw new InputError('input max-inline-comments must be a whole number, 0 or more');
  const exportTo = list('mesh-default-export-to');
  const paths = list('paths');
  return {
    token: getInput('token').trim(),
    paths: paths.length > 0 ? paths : DEFAULT_PATH_GLOBS,
    failLevel: oneOf('fail-level', FAIL_LEVELS, 'error'),
    failOnUnrendered: flag('fail-on-unrendered'),
    defaultNamespace: text('default-namespace', 'default'),
    autoAllocate: flag('auto-allocate'),
    mode: oneOf('mode', MODES, 'review'),
    meshDefaultExportTo: exportTo.length > 0 ? exportTo : undefined,
    rootNamespace: getInput('root-namespace').trim() || undefined,
    commentAuthor: getInput('comment-author').trim() || undefined,
    maxInlineComments: max,
    uploadReport: flagOn('upload-report'),
    vipPool: vipPool(text('vip-pool', DEFAULT_VIP_POOL)),
    config: configPath(getInput('config').trim()),
    ...meshSettingInputs(getInput),
  };
}

/** The Istio version and mesh settings; each only when given, so the engine's defaults stay in one place. */
function meshSettingInputs(getInput: (name: string) => string): Pick<ActionInputs, 'istioVersion' | 'outboundTrafficPolicy' | 'dnsCapture' | 'autoAllocatePrefix'> {
  const version = getInput('istio-version').trim();
  const policy = getInput('outbound-traffic-policy').trim().toUpperCase();
  const capture = getInput('dns-capture').trim().toLowerCase();
  const prefix = getInput('auto-allocate-prefix').trim();
  if (version && !isValidIstioVersion(version)) throw new InputError(`input istio-version is ${JSON.stringify(version)}; expected a release like 1.24`);
  if (policy && policy !== 'ALLOW_ANY' && policy !== 'REGISTRY_ONLY') throw new InputError(`input outbound-traffic-policy is ${JSON.stringify(policy)}; expected ALLOW_ANY or REGISTRY_ONLY`);
  if (capture && capture !== 'true' && capture !== 'false') throw new InputError(`input dns-capture is ${JSON.stringify(capture)}; expected true or false`);
  return {
    ...(version ? { istioVersion: version } : {}),
    ...(policy ? { outboundTrafficPolicy: policy as 'ALLOW_ANY' | 'REGISTRY_ONLY' } : {}),
    ...(capture ? { dnsCapture: capture === 'true' } : {}),
    ...(prefix ? { autoAllocatePrefix: prefix } : {}),
  };
}

function vipPool(value: string): string {
  if (!isUsableVipPool(value)) throw new InputError(`input vip-pool is ${JSON.stringify(value)}; expected an IPv4 CIDR of at least 4 addresses, like ${DEFAULT_VIP_POOL}`);
  return value;
}

function configPath(value: string): string | undefined {
  if (!value) return undefined;
  const path = value.replace(/^\.\//, '');
  if (path.startsWith('/') || path.split('/').includes('..')) throw new InputError(`input config is ${JSON.stringify(value)}; expected a path inside the repository, like .serviceentry-guard.yaml`);
  return path;
}
