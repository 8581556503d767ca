import { describe, expect, it } from 'vitest';
import { createFailureLimiter } from './limiter';

describe('failure limiter', () => {
  it('blocks a key after too many failures within the window and forgets them after it', () => {
    let now = 0;
    const limiter = createFailureLimiter(3, 1000, () => now);
    for (let i = 0; i < 3; i += 1) limiter.fail('a');
    expect(limiter.blocked('a')).toBe(true);
    expect(limiter.blocked('b')).toBe(false);
    now = 1001;
    expect(limiter.blocked('a')).toBe(false);
  });

  it('keeps at most maxKeys keys, giving up the one that failed longest ago', () => {
    const limiter = createFailureLimiter(2, 1000, () => 0, 3);
    for (const key of ['a', 'b', 'c']) {
      limiter.fail(key);
      limiter.fail(key);
    }
    limiter.fail('a');
    limiter.fail('d');
    expect(limiter.blocked('a')).toBe(true);
    expect(limiter.blocked('b')).toBe(false);
    expect(limiter.blocked('c')).toBe(true);
  });
});
