/**
 * Awaits every promise, then gives their values in the order passed, or the
 * first failure in that order: which error a run reports never depends on
 * which concurrent read lost the race, and no read is left running unwatched
 * when another fails.
 */
export async function settleInOrder<T extends readonly unknown[]>(promises: { readonly [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(promises as readonly Promise<unknown>[]);
  const values: unknown[] = [];
  for (const outcome of settled) {
    if (outcome.status === 'rejected') throw outcome.reason;
    values.push(outcome.value);
  }
  return values as unknown as T;
}
