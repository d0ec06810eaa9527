import type { Severity } from '../core/model.js';
import { DEFAULT_PATH_GLOBS, parseGlobList } from '../core/paths.js';
import { DEFAULT_MAX_INLINE_COMMENTS } from '../core/review-comments/inline-plan.js';
import { DEFAULT_VIP_POOL, isUsableVipPool } from '../core/fixes/vip-pool.js';

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
  rootNamespace: string;
  /** Login our earlier comments were posted as; empty means ask GitHub. */
  commentAuthor: string | undefined;
  maxInlineComments: number;
  /** Where suggested VIPs come from. */
  vipPool: string;
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
    rootNamespace: text('root-namespace', 'istio-system'),
    commentAuthor: getInput('comment-author').trim() || undefined,
    maxInlineComments: max,
    vipPool: vipPool(text('vip-pool', DEFAULT_VIP_POOL)),
  };
}

function vipPool(value: string): string {
  if (!isUsableVipPool(value)) throw new InputError(`input vip-pool is ${JSON.stringify(value)}; expected an IPv4 CIDR of at least 4 addresses, like ${DEFAULT_VIP_POOL}`);
  return value;
}
