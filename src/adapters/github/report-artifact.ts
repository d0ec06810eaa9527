import { DefaultArtifactClient } from '@actions/artifact';

export type ArtifactUpload =
  | { uploaded: true; name: string; url: string | undefined }
  | { uploaded: false; reason: string };

/** Uploads files as one workflow artifact; injected in tests, which have no artifact service. */
export type UploadArtifact = (name: string, files: string[], rootDirectory: string) => Promise<ArtifactUpload>;

/**
 * The full report as an artifact of this run, so it outlives the job when a
 * comment or the job summary had to be cut. The artifact service is only
 * reachable from inside a runner (ACTIONS_RUNTIME_TOKEN and
 * ACTIONS_RESULTS_URL, which the runner hands to actions); without them, or
 * when the upload fails, the caller is told why and carries on.
 */
export function artifactUploader(env: Readonly<Record<string, string | undefined>>): UploadArtifact {
  return async (name, files, rootDirectory) => {
    if (!env['ACTIONS_RUNTIME_TOKEN'] || !env['ACTIONS_RESULTS_URL']) {
      return { uploaded: false, reason: 'the artifact service is not available to this step (ACTIONS_RUNTIME_TOKEN or ACTIONS_RESULTS_URL is not set)' };
    }
    try {
      const { id } = await new DefaultArtifactClient().uploadArtifact(name, files, rootDirectory, { retentionDays: 30 });
      const server = env['GITHUB_SERVER_URL'] ?? 'https://github.com';
      const url = id !== undefined && env['GITHUB_REPOSITORY'] && env['GITHUB_RUN_ID'] ? `${server}/${env['GITHUB_REPOSITORY']}/actions/runs/${env['GITHUB_RUN_ID']}/artifacts/${id}` : undefined;
      return { uploaded: true, name, url };
    } catch (error) {
      return { uploaded: false, reason: (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 300) };
    }
  };
}

/** One artifact per job and attempt: artifact names must be unique within a run, and matrix jobs or re-runs would clash. */
export function reportArtifactName(env: Readonly<Record<string, string | undefined>>): string {
  const parts = ['serviceentry-guard-report', env['GITHUB_JOB'], env['GITHUB_RUN_ATTEMPT'] && env['GITHUB_RUN_ATTEMPT'] !== '1' ? `attempt-${env['GITHUB_RUN_ATTEMPT']}` : ''];
  return parts.filter(Boolean).join('-').replace(/[^A-Za-z0-9._-]/g, '-');
}
