/**
 * The CPU time (user + system) this process spends while `run` runs, in ms.
 * Unlike the wall clock it does not grow when other suites and their child
 * processes share the cores, so a bound on it still catches a quadratic scan
 * without failing a linear one on a busy machine.
 */
export function cpuTimeOf<T>(run: () => T): { value: T; ms: number } {
  const before = process.cpuUsage();
  const value = run();
  const used = process.cpuUsage(before);
  return { value, ms: (used.user + used.system) / 1000 };
}
