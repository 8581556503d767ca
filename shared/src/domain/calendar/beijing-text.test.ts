import { describe, expect, it } from 'vitest';
import {
  beijingClockText,
  beijingDateText,
  beijingDateTimeText,
  beijingInputValue,
  beijingShortDateTimeText,
  chineseDate,
  chineseDateTime,
  instantOfBeijingInput,
} from './beijing-text';

describe('Beijing text', () => {
  // 11:00 UTC on 9 March is 19:00 in Beijing; 17:30 UTC is already the next day there.
  it('shows instants on the Beijing wall clock', () => {
    expect(beijingDateTimeText('2026-03-09T11:00:00.000Z')).toBe('2026-03-09 19:00');
    expect(beijingDateTimeText('2026-03-09T17:30:00.000Z')).toBe('2026-03-10 01:30');
    expect(beijingDateText('2026-03-09T17:30:00.000Z')).toBe('2026-03-10');
    expect(beijingShortDateTimeText('2026-03-09T00:05:00.000Z')).toBe('3/9 08:05');
    expect(beijingClockText('2026-03-09T11:04:00.000Z')).toBe('19:04');
    expect(chineseDate('2026-12-31T16:00:00.000Z')).toBe('2027年1月1日');
    expect(chineseDateTime('2026-03-09T11:00:00.000Z')).toBe('2026年3月9日 19:00');
  });

  it('gives unreadable values back unchanged instead of inventing a date', () => {
    expect(beijingDateTimeText('not a time')).toBe('not a time');
    expect(chineseDate('')).toBe('');
  });

  it('reads a typed Beijing time as the instant it names, whatever the device zone', () => {
    expect(instantOfBeijingInput('2026-03-09T19:00')).toBe('2026-03-09T11:00:00.000Z');
    expect(instantOfBeijingInput('2026-03-10T01:30')).toBe('2026-03-09T17:30:00.000Z');
    expect(beijingInputValue('2026-03-09T11:00:00.000Z')).toBe('2026-03-09T19:00');
  });

  it('refuses incomplete or impossible input', () => {
    expect(instantOfBeijingInput('')).toBeNull();
    expect(instantOfBeijingInput('2026-03-09')).toBeNull();
    expect(instantOfBeijingInput('2026-02-30T10:00')).toBeNull();
    expect(instantOfBeijingInput('2026-03-09T24:00')).toBeNull();
  });
});
