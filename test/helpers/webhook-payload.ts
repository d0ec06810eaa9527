import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface WebhookExample {
  action?: string;
  number?: number;
  pull_request: Record<string, any>;
  repository: Record<string, any>;
  [key: string]: unknown;
}

/**
 * A real pull_request webhook payload from @octokit/webhooks-examples (the
 * payloads GitHub documents), re-pointed at our test repository and commits.
 */
export function pullRequestPayload(action: 'opened' | 'synchronize' | 'reopened', patch: { owner: string; repo: string; number: number; baseSha: string; headSha: string; changedFiles: number; headRepo?: string; mergeCommitSha?: string | null }): WebhookExample {
  const all = require('@octokit/webhooks-examples/api.github.com/index.json') as Array<{ name: string; examples: WebhookExample[] }>;
  const example = all.find((e) => e.name === 'pull_request')?.examples.find((e) => e.action === action);
  if (!example) throw new Error(`@octokit/webhooks-examples has no pull_request.${action} example`);
  const payload = structuredClone(example);
  const fullName = `${patch.owner}/${patch.repo}`;
  payload.number = patch.number;
  payload.repository.full_name = fullName;
  payload.repository.name = patch.repo;
  payload.repository.owner.login = patch.owner;
  const pr = payload.pull_request;
  pr.number = patch.number;
  pr.changed_files = patch.changedFiles;
  pr.base.sha = patch.baseSha;
  pr.base.repo.full_name = fullName;
  pr.base.repo.name = patch.repo;
  pr.head.sha = patch.headSha;
  pr.head.repo.full_name = patch.headRepo ?? fullName;
  // The example's own merge commit belongs to another repository; null is what GitHub sends before it has built one.
  pr.merge_commit_sha = patch.mergeCommitSha ?? null;
  if (action === 'synchronize') payload['after'] = patch.headSha;
  return payload;
}

/** The merge_group.checks_requested example GitHub documents, re-pointed at our repository and commits. */
export function mergeGroupPayload(baseSha: string, headSha: string, headRef: string): Record<string, any> {
  const all = require('@octokit/webhooks-examples/api.github.com/index.json') as Array<{ name: string; examples: Array<Record<string, any>> }>;
  const example = all.find((e) => e.name === 'merge_group')?.examples.find((e) => e['action'] === 'checks_requested');
  if (!example) throw new Error('@octokit/webhooks-examples has no merge_group.checks_requested example');
  const payload = structuredClone(example);
  payload['merge_group'].base_sha = baseSha;
  payload['merge_group'].head_sha = headSha;
  payload['merge_group'].head_ref = headRef;
  payload['merge_group'].base_ref = 'refs/heads/main';
  payload['merge_group'].head_commit.id = headSha;
  payload['repository'].full_name = 'acme/gitops';
  payload['repository'].name = 'gitops';
  payload['repository'].owner.login = 'acme';
  return payload;
}
