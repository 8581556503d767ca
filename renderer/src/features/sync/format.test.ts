import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../kit/beijing-time';
import { formatValue } from './format';

describe('sync screen formatting', () => {
  it('shows values a person can compare', () => {
    expect(formatValue(undefined, '（空）')).toBe('（空）');
    expect(formatValue('', '（空）')).toBe('（空）');
    expect(formatValue('物业服务', '（空）')).toBe('物业服务');
    expect(formatValue(3, '-')).toBe('3');
    expect(formatValue(['a', 'b'], '-')).toBe('["a","b"]');
  });
  it('formats times and leaves unparseable text alone', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime('not a time')).toBe('not a time');
    expect(formatDateTime('2026-11-29T08:05:00.000Z')).toBe('2026-11-29 16:05');
  });
});
