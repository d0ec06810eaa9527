import { WritePacer } from '../../../src/adapters/github/write-pacing.js';

describe('pauses between writes', () => {
  it('lets the first few writes through at once and spaces the rest, one at a time', async () => {
    const pacer = new WritePacer(3, 200);
    const started: number[] = [];
    const t0 = Date.now();
    await Promise.all(Array.from({ length: 5 }, () => pacer.key().schedule({}, async () => { started.push(Date.now() - t0); })));
    expect(started.slice(0, 3).every((t) => t < 100)).toBe(true);
    expect(started[3]! - started[2]!).toBeGreaterThanOrEqual(195);
    expect(started[4]! - started[3]!).toBeGreaterThanOrEqual(195);
  });

  it('a failed write does not stop the ones after it', async () => {
    const pacer = new WritePacer(1, 10);
    await expect(pacer.key().schedule({}, async () => { throw new Error('refused'); })).rejects.toThrow('refused');
    await expect(pacer.key().schedule({}, async () => 'next')).resolves.toBe('next');
  });
});
