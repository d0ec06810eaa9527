import { collectLoadingGarbage } from '../../src/adapters/collect-loading-garbage.js';

/** An object only a WeakRef reaches, made in a frame of its own so no register of the test keeps it. */
function weaklyHeld(): WeakRef<object> {
  return new WeakRef({ payload: new Array(1000).fill('x') });
}

describe('collectLoadingGarbage', () => {
  // Jest starts node without --expose-gc.
  test('what nothing reaches any more is gone once it returns', async () => {
    const ref = weaklyHeld();
    // A WeakRef keeps its target until the event loop turns: the collection must come after that turn.
    await collectLoadingGarbage();
    expect(ref.deref()).toBeUndefined();
  });

  test('called again, it collects again', async () => {
    await collectLoadingGarbage();
    const ref = weaklyHeld();
    await collectLoadingGarbage();
    expect(ref.deref()).toBeUndefined();
  });
});
