import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY, retryDelay, type FailedRequest } from '../../src/github/client.js';

const NOW = Date.UTC(2026, 0, 5, 9, 0, 0);

function failed(status: number, headers: FailedRequest['headers'] = {}, message = 'Server Error'): FailedRequest {
  return { status, headers, message };
}

describe('retry policy', () => {
  it('waits retry-after seconds on a 503 to a GET', () => {
    expect(retryDelay(failed(503, { 'retry-after': '7' }), 'GET', 0, NOW)).toBe(7000);
  });

  it('backs off 1, 2 and 4 seconds on a 502 without retry-after, then gives up', () => {
    expect([0, 1, 2, 3].map((attempt) => retryDelay(failed(502), 'PATCH', attempt, NOW))).toEqual([1000, 2000, 4000, undefined]);
  });

  it('never retries a POST after a 5xx or a dropped connection: it may have been carried out', () => {
    expect(retryDelay(failed(502, { 'retry-after': '1' }), 'POST', 0, NOW)).toBeUndefined();
    expect(retryDelay(failed(500, {}, 'socket hang up'), 'POST', 0, NOW)).toBeUndefined();
  });

  it('retries DELETE and PUT after a 5xx: repeating them has no further effect', () => {
    expect(retryDelay(failed(504), 'DELETE', 0, NOW)).toBe(1000);
    expect(retryDelay(failed(500), 'PUT', 0, NOW)).toBe(1000);
  });

  it('retries even a POST refused by a secondary rate limit, after retry-after', () => {
    expect(retryDelay(failed(403, { 'retry-after': '30' }, 'You have exceeded a secondary rate limit'), 'POST', 0, NOW)).toBe(30_000);
    expect(retryDelay(failed(429, { 'retry-after': '5' }), 'POST', 0, NOW)).toBe(5000);
  });

  it('waits a minute on a secondary rate limit without headers, as GitHub advises', () => {
    expect(retryDelay(failed(403, {}, 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'), 'GET', 0, NOW)).toBe(60_000);
  });

  it('waits until x-ratelimit-reset when the primary limit is exhausted', () => {
    const reset = String(NOW / 1000 + 20);
    expect(retryDelay(failed(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }, 'API rate limit exceeded'), 'GET', 0, NOW)).toBe(21_000);
  });

  it('gives up when the limit resets later than it is worth waiting for', () => {
    const reset = String(NOW / 1000 + 1800);
    expect(retryDelay(failed(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }), 'GET', 0, NOW)).toBeUndefined();
    expect(DEFAULT_RETRY.maxWaitMs).toBe(90_000);
  });

  it('does not retry a 403 from a read-only token, nor a 404 or 422', () => {
    expect(retryDelay(failed(403, {}, 'Resource not accessible by integration'), 'POST', 0, NOW)).toBeUndefined();
    expect(retryDelay(failed(404, {}, 'Not Found'), 'GET', 0, NOW)).toBeUndefined();
    expect(retryDelay(failed(422, {}, 'Validation Failed'), 'PATCH', 0, NOW)).toBeUndefined();
  });

  it('reads retry-after given as an HTTP date', () => {
    expect(retryDelay(failed(503, { 'retry-after': new Date(NOW + 3000).toUTCString() }), 'GET', 0, NOW)).toBe(3000);
  });
});
