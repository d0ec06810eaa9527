import type { FakeGitHub } from './fake-github.js';
import { LoopbackGitHub } from './loopback-github.js';
import { OpenApiChecker } from './openapi-checker.js';
import { TOKEN } from './run-dist.js';
import type { TempGitRepo } from './temp-git-repo.js';

/** A pull request in a real git repository, and the loopback GitHub that serves it to the built action. */
export interface ServedPullRequest<P> {
  pr: P;
  github: LoopbackGitHub;
  apiUrl: string;
}

let checker: OpenApiChecker | undefined;

/**
 * Opens pull requests built by `build` (a git repository and its fake
 * GitHub), each behind its own loopback GitHub, so the tests of a file can
 * run the built action concurrently. Every one opened is stopped and deleted
 * after the file's tests. One OpenAPI checker serves them all: reading
 * GitHub's description is the costly part.
 */
export function servePullRequests<A extends unknown[], P extends { repo: TempGitRepo; fake: FakeGitHub }>(build: (...args: A) => P): (...args: A) => Promise<ServedPullRequest<P>> {
  const opened: Array<ServedPullRequest<P>> = [];
  afterAll(async () => {
    for (const { github, pr } of opened.splice(0)) {
      await github.stop();
      pr.repo.dispose();
    }
  });
  return async (...args) => {
    const pr = build(...args);
    const github = new LoopbackGitHub(pr.fake, (checker ??= new OpenApiChecker()), TOKEN);
    const served = { pr, github, apiUrl: await github.start() };
    opened.push(served);
    return served;
  };
}
