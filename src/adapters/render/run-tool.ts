/**
 * Runs kustomize, kubectl or helm with a timeout, in a given folder, with an
 * environment that points HOME and every cache at the temporary copy (so no
 * user plugin, config or credential is read) and sends any HTTP(S) request to
 * a closed local port (so nothing reaches the network).
 */
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface ToolRun {
  ok: boolean;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

export function findExecutable(name: string, path = process.env['PATH'] ?? ''): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

export function isolatedEnvironment(home: string, path = process.env['PATH'] ?? ''): NodeJS.ProcessEnv {
  const closed = 'http://127.0.0.1:9';
  return {
    PATH: path,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_DATA_HOME: join(home, '.local/share'),
    KUSTOMIZE_PLUGIN_HOME: join(home, 'no-plugins'),
    HELM_CACHE_HOME: join(home, '.cache/helm'),
    HELM_CONFIG_HOME: join(home, '.config/helm'),
    HELM_DATA_HOME: join(home, '.local/share/helm'),
    HTTP_PROXY: closed,
    HTTPS_PROXY: closed,
    http_proxy: closed,
    https_proxy: closed,
    NO_PROXY: '',
    no_proxy: '',
    GIT_ALLOW_PROTOCOL: 'none',
    GIT_TERMINAL_PROMPT: '0',
    KUBECONFIG: join(home, 'no-kubeconfig'),
  };
}

export function runTool(file: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number; maxBytes?: number }): Promise<ToolRun> {
  return new Promise((resolve) => {
    execFile(file, [...args], { cwd: options.cwd, env: options.env, timeout: options.timeoutMs, killSignal: 'SIGKILL', maxBuffer: options.maxBytes ?? 256 * 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
      const timedOut = Boolean(error && (error as NodeJS.ErrnoException & { killed?: boolean }).killed);
      resolve({ ok: !error, stdout: String(stdout), stderr: String(stderr), timedOut });
    });
  });
}

/** kubectl's log header (severity, date, time, process, source line): it changes on every run and tells a reader nothing. */
const KLOG_HEADER = /^[IWEF]\d{4} \d{2}:\d{2}:\d{2}\.\d+\s+\d+ [^\]\s]+\] /;

/** The first meaningful line of a tool's error output, for a diagnostic. */
export function firstErrorLine(stderr: string): string {
  const line = stderr.split('\n').map((l) => l.trim().replace(KLOG_HEADER, '')).find((l) => l !== '') ?? 'no error output';
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
