import { describe, expect, it } from 'vitest';
import { kubeErrorFromStatus, parseRetryAfter } from '../../src/kube/errors.js';

describe('Retry-After for the watch backoff', () => {
  it('reads seconds and HTTP dates, ignores garbage', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3);
    expect(parseRetryAfter(' 10 ', now)).toBe(10);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it("takes a 429 Status' details.retryAfterSeconds", () => {
    const body = JSON.stringify({
      kind: 'Status',
      code: 429,
      reason: 'TooManyRequests',
      message: 'slow down',
      details: { retryAfterSeconds: 4 },
    });
    expect(kubeErrorFromStatus(429, body).retryAfterSeconds).toBe(4);
    expect(kubeErrorFromStatus(500, '{}').retryAfterSeconds).toBeUndefined();
  });
});
