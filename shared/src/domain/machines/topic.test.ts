import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createCalendar } from '#shared/domain/calendar/index';
import {
  deadlineFor,
  escalateTopic,
  levelOfScope,
  type EscalatableTopic,
} from '#shared/domain/machines/index';

describe('deadlineFor', () => {
  it('gives a quick topic 48 hours', () => {
    expect(deadlineFor('quick', '2026-09-30T02:00:00.000Z')).toBe('2026-10-02T02:00:00.000Z');
  });

  it('gives an in-depth topic 5 working days, across holidays and adjusted working days', () => {
    // Created Wed 2026-09-30: holidays 10-01…10-07, then 10-08, 10-09, 10-10 (Sat, worked), 10-12, 10-13.
    expect(deadlineFor('inDepth', '2026-09-30T02:00:00.000Z')).toBe('2026-10-13T02:00:00.000Z');
  });

  it('uses the calendar it is given', () => {
    const weekendsOnly = createCalendar([]);
    expect(deadlineFor('inDepth', '2026-09-30T02:00:00.000Z', weekendsOnly)).toBe('2026-10-07T02:00:00.000Z');
  });
});

const courtyardTopic: EscalatableTopic = {
  scope: 'xg.gyj.hxnl5',
  level: 'courtyard',
  track: 'inDepth',
  escalations: [],
};
const request = (toScope: string, at = '2026-11-02T02:00:00.000Z') => ({
  at,
  by: 'user-1',
  reason: '院内无法协调',
  toScope,
});

describe('escalateTopic', () => {
  it('moves a courtyard topic to its community and keeps the origin', () => {
    const result = escalateTopic(courtyardTopic, request('xg.gyj'));
    expect(result).toEqual({
      ok: true,
      fields: {
        scope: 'xg.gyj',
        level: 'community',
        originScope: 'xg.gyj.hxnl5',
        originLevel: 'courtyard',
        status: 'collecting',
        deadlineAt: '2026-11-09T02:00:00.000Z',
        escalations: [
          {
            fromLevel: 'courtyard',
            toLevel: 'community',
            fromScope: 'xg.gyj.hxnl5',
            toScope: 'xg.gyj',
            at: '2026-11-02T02:00:00.000Z',
            by: 'user-1',
            reason: '院内无法协调',
          },
        ],
      },
    });
  });

  it('refuses a street topic, a missing reason and a wrong target', () => {
    const street: EscalatableTopic = { scope: 'xg', level: 'street', escalations: [] };
    expect(escalateTopic(street, request('xg'))).toMatchObject({
      ok: false,
      code: 'topLevel',
      message: '街道层级的议题不能再上报',
    });
    expect(escalateTopic(courtyardTopic, { ...request('xg.gyj'), reason: ' ' })).toMatchObject({
      code: 'missingReason',
    });
    expect(escalateTopic(courtyardTopic, request('xg'))).toMatchObject({ code: 'badTarget' }); // skips the community
    expect(escalateTopic(courtyardTopic, request('xg.hxdj'))).toMatchObject({ code: 'badTarget' }); // not its community
    expect(escalateTopic(courtyardTopic, request('xg.gyj.hxnl5'))).toMatchObject({ code: 'badTarget' });
  });

  it('knows levels by scope depth', () => {
    expect(levelOfScope('xg')).toBe('street');
    expect(levelOfScope('xg.gyj')).toBe('community');
    expect(levelOfScope('xg.gyj.hxnl5')).toBe('courtyard');
    expect(levelOfScope('xg.gyj.hxnl5.b3')).toBeUndefined();
  });

  it('keeps the origin across any chain of escalations and stops at the street', () => {
    const segment = fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/);
    fc.assert(
      fc.property(
        segment,
        segment,
        segment,
        fc.constantFrom('courtyard', 'community'),
        fc.integer({ min: 1, max: 5 }),
        (street, community, courtyard, startLevel, attempts) => {
          const scopes = {
            courtyard: `${street}.${community}.${courtyard}`,
            community: `${street}.${community}`,
            street,
          };
          let topic: EscalatableTopic = { scope: scopes[startLevel], level: startLevel, escalations: [] };
          const origin = { scope: topic.scope, level: topic.level };
          for (let i = 0; i < attempts; i += 1) {
            const target = topic.level === 'courtyard' ? scopes.community : scopes.street;
            const result = escalateTopic(topic, request(target, `2026-11-0${i + 1}T02:00:00.000Z`));
            if (topic.level === 'street') {
              expect(result.ok).toBe(false);
              break;
            }
            expect(result.ok).toBe(true);
            if (!result.ok) return;
            expect(result.fields.originScope).toBe(origin.scope);
            expect(result.fields.originLevel).toBe(origin.level);
            expect(result.fields.escalations).toHaveLength(topic.escalations.length + 1);
            expect(result.fields.escalations.slice(0, -1)).toEqual(topic.escalations);
            topic = { ...topic, ...result.fields };
          }
          expect(topic.escalations.length).toBeLessThanOrEqual(2);
        },
      ),
    );
  });
});
