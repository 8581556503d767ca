import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  isReversedRange,
  readDateInput,
  readDateTimeInput,
  readWholeNumber,
} from '#shared/domain/calendar/index';

describe('readDateInput', () => {
  it('takes a real date and waits for an incomplete one', () => {
    expect(readDateInput('2026-03-09')).toEqual({ kind: 'date', date: '2026-03-09' });
    expect(readDateInput('')).toEqual({ kind: 'empty' });
    expect(readDateInput('', true)).toEqual({ kind: 'incomplete' });
    expect(readDateInput('2026-03')).toEqual({ kind: 'incomplete' });
  });

  it('refuses absurd years and days that do not exist', () => {
    expect(readDateInput('20261-03-09')).toEqual({ kind: 'yearOutOfRange', year: 20261 });
    expect(readDateInput('1899-03-09')).toEqual({ kind: 'yearOutOfRange', year: 1899 });
    // The year is typed digit by digit: 0002, 0020, 0202 are not mistakes yet.
    expect(readDateInput('0202-03-09')).toEqual({ kind: 'incomplete' });
    expect(readDateInput('1999-12-31')).toEqual({ kind: 'yearOutOfRange', year: 1999 });
    expect(readDateInput('2026-02-30')).toEqual({ kind: 'impossible' });
    expect(readDateInput('2026-13-01')).toEqual({ kind: 'impossible' });
  });

  it('never throws and only ever yields a real date in range', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 14 }), fc.boolean(), (text, incomplete) => {
        const reading = readDateInput(text, incomplete);
        if (reading.kind === 'date') {
          expect(new Date(`${reading.date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(reading.date);
        }
      }),
    );
  });
});

describe('readDateTimeInput', () => {
  it('reads Beijing time, refuses absurd years', () => {
    expect(readDateTimeInput('2026-03-09T19:00')).toEqual({
      kind: 'instant',
      instant: '2026-03-09T11:00:00.000Z',
    });
    expect(readDateTimeInput('202612-03-09T19:00')).toEqual({ kind: 'yearOutOfRange', year: 202612 });
    expect(readDateTimeInput('2026-02-30T19:00')).toEqual({ kind: 'impossible' });
    expect(readDateTimeInput('', true)).toEqual({ kind: 'incomplete' });
    expect(readDateTimeInput('2026-03-09')).toEqual({ kind: 'incomplete' });
  });
});

describe('isReversedRange', () => {
  it('says when the end comes before the start', () => {
    expect(isReversedRange('2026-03-09', '2026-03-01')).toBe(true);
    expect(isReversedRange('2026-03-09', '2026-03-09')).toBe(false);
    expect(isReversedRange(undefined, '2026-03-01')).toBe(false);
  });
});

describe('readWholeNumber', () => {
  it('takes whole numbers within the range only', () => {
    expect(readWholeNumber(' 90 ', 1, 600)).toEqual({ kind: 'number', value: 90 });
    expect(readWholeNumber('', 1, 600)).toEqual({ kind: 'empty' });
    expect(readWholeNumber('1e3', 1, 600)).toEqual({ kind: 'notWhole' });
    expect(readWholeNumber('1.5', 1, 600)).toEqual({ kind: 'notWhole' });
    expect(readWholeNumber('0', 1, 600)).toEqual({ kind: 'outOfRange', min: 1, max: 600 });
    expect(readWholeNumber('99999999999999999999', 1, 600)).toEqual({ kind: 'outOfRange', min: 1, max: 600 });
  });
});
