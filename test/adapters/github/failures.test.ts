import { classifyFailure, isPermissionRefusal } from '../../../src/adapters/github/failures.js';

const http = (status: number, message = 'x', headers: Record<string, string> = {}) => Object.assign(new Error(message), { status, response: { headers } });

describe('what a failed GitHub call means', () => {
  it('tells a read-only token from a rate limit, both of which GitHub answers with 403', () => {
    expect(classifyFailure(http(403, 'Resource not accessible by integration')).kind).toBe('forbidden');
    expect(classifyFailure(http(403, 'You have exceeded a secondary rate limit', { 'retry-after': '30' }))).toMatchObject({ kind: 'rate-limited', retryAfter: 30 });
    expect(classifyFailure(http(403, 'API rate limit exceeded', { 'x-ratelimit-remaining': '0' })).kind).toBe('rate-limited');
    expect(classifyFailure(http(429)).kind).toBe('rate-limited');
  });

  it('treats 5xx and errors without a status (dropped connections) as outcome unknown', () => {
    expect(classifyFailure(http(502)).kind).toBe('transient');
    expect(classifyFailure(new TypeError('fetch failed')).kind).toBe('transient');
  });

  it('sorts 404 with 403 as a refusal to write, and 422 apart', () => {
    expect(isPermissionRefusal(classifyFailure(http(404)))).toBe(true);
    expect(classifyFailure(http(422)).kind).toBe('unprocessable');
  });
});
