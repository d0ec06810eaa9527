// Starts the suites that take longest first, whatever Jest's timing cache holds. With the cache, Jest orders
// by the last run's durations; without it (a fresh clone, as in CI) it orders by file size, and the 16 MB
// linear-scan suite, a small file, started last and ran alone at the end. Listed longest first, as measured
// on a quiet 2-core machine; every other suite keeps Jest's own order after them.
const TestSequencer = require('@jest/test-sequencer').default;

const LONGEST = [
  'test/hostile-input/linear-scans.test.ts',
  'test/e2e/review-you-can-act-on.test.ts',
  'test/e2e/merge-semantics.test.ts',
  'test/e2e/action-dist.test.ts',
  'test/action/github-faults.test.ts',
  'test/core/render/markdown-size-limits.test.ts',
];

class LongestSuitesFirst extends TestSequencer {
  sort(tests) {
    const rank = (test) => {
      const index = LONGEST.findIndex((suite) => test.path.endsWith(suite));
      return index < 0 ? LONGEST.length : index;
    };
    // Array sort is stable: the rest keep the order Jest gave them.
    return [...super.sort(tests)].sort((a, b) => rank(a) - rank(b));
  }
}

module.exports = LongestSuitesFirst;
