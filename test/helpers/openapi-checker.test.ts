import { OpenApiChecker } from './openapi-checker.js';

// The checker is what makes the end-to-end test's request checks mean something, so it is pinned too.
describe('checking requests against GitHub\'s OpenAPI description', () => {
  const checker = new OpenApiChecker();
  const q = (s = '') => new URLSearchParams(s);

  it('accepts a review with RIGHT-side line comments', () => {
    expect(checker.check('POST', '/repos/o/r/pulls/1/reviews', q(), { commit_id: 'a'.repeat(40), event: 'COMMENT', body: 'x', comments: [{ path: 'a.yaml', line: 3, side: 'RIGHT', body: 'y' }] })).toEqual([]);
  });

  it('refuses a misspelt field GitHub would silently ignore', () => {
    expect(checker.check('POST', '/repos/o/r/pulls/1/reviews', q(), { event: 'COMMENT', body: 'x', comments: [{ path: 'a', line: 1, sid: 'RIGHT', body: 'y' }] })).not.toEqual([]);
  });

  it('refuses a value outside an enum', () => {
    expect(checker.check('POST', '/repos/o/r/pulls/1/reviews', q(), { event: 'COMMENTED', body: 'x' })).not.toEqual([]);
  });

  it('refuses an undocumented route and an undeclared query parameter', () => {
    expect(checker.check('GET', '/repos/o/r/pulls/1/filez', q(), undefined)).not.toEqual([]);
    expect(checker.check('GET', '/repos/o/r/pulls/1/files', q('per_page=100&pagesize=3'), undefined)).toEqual([expect.stringContaining('undeclared query parameter pagesize')]);
  });

  it('refuses a comment update without its body', () => {
    expect(checker.check('PATCH', '/repos/o/r/issues/comments/5', q(), {})).not.toEqual([]);
  });
});
