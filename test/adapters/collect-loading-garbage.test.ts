import { collectLoadingGarbage, COLLECT_MIN_ENTRIES } from '../../src/adapters/collect-loading-garbage.js';

/** An object only a WeakRef reaches, made in a frame of its own so no register of the test keeps it. */
function weaklyHeld(): WeakRef<object> {
  return new WeakRef({ payload: new Array(1000).fill('x') });
}

/** Meshes holding this many entries between them (two meshes: the count is their sum). */
function meshesOf(entries: number): Array<{ loaded: { entries: unknown[] } }> {
  const first = Math.floor(entries / 2);
  return [{ loaded: { entries: new Array(first).fill(0) } }, { loaded: { entries: new Array(entries - first).fill(0) } }];
}

describe('collectLoadingGarbage', () => {
  // Jest starts node without --expose-gc.
  test('what nothing reaches any more is gone once it returns', async () => {
    const ref = weaklyHeld();
    // A WeakRef keeps its target until the event loop turns: the collection must come after that turn.
    await collectLoadingGarbage(meshesOf(COLLECT_MIN_ENTRIES));
    expect(ref.deref()).toBeUndefined();
  });

  test('called again, it collects again', async () => {
    await collectLoadingGarbage(meshesOf(COLLECT_MIN_ENTRIES));
    const ref = weaklyHeld();
    await collectLoadingGarbage(meshesOf(COLLECT_MIN_ENTRIES + 1));
    expect(ref.deref()).toBeUndefined();
  });

  test('a small repository is analysed without it: what nothing reaches may still be there', async () => {
    const ref = weaklyHeld();
    await collectLoadingGarbage(meshesOf(COLLECT_MIN_ENTRIES - 1));
    // Nothing was asked for, and nothing ran that would have let the WeakRef go.
    expect(ref.deref()).toBeDefined();
  });
});
