import { describe, expect, it } from 'vitest';
import { escalateTopic, pendingEscalation, takeUpEscalation } from '#shared/domain/machines/index';

const AT = '2026-03-02T02:00:00.000Z';
const LATER = '2026-03-04T02:00:00.000Z';
const courtyardTopic = {
  scope: 'xg.gyj.y2',
  level: 'courtyard' as const,
  track: 'quick' as const,
  escalations: [],
  deadlineAt: '2026-03-05T10:00:00.000Z',
};

function escalated() {
  const result = escalateTopic(courtyardTopic, {
    at: AT,
    by: 'dev-y2',
    reason: '院里解决不了',
    toScope: 'xg.gyj',
  });
  if (!result.ok) throw new Error(result.message);
  return { ...courtyardTopic, ...result.fields };
}

describe('escalation keeps the clocks', () => {
  it('records the deadline the topic had below beside the new one', () => {
    const up = escalated();
    expect(up.escalations.at(-1)?.deadlineAt).toBe('2026-03-05T10:00:00.000Z');
    expect(up.deadlineAt).toBeDefined();
    expect(up.deadlineAt).not.toBe('2026-03-05T10:00:00.000Z');
  });

  it('stays 已上报 until the level above takes it up, once, from a place that covers it', () => {
    const up = escalated();
    expect(pendingEscalation(up)?.fromScope).toBe('xg.gyj.y2');
    expect(takeUpEscalation(up, { at: LATER, by: 'dev-y4', actorScope: 'xg.gyj.y4' })).toMatchObject({
      ok: false,
      code: 'notHere',
    });
    const taken = takeUpEscalation(up, { at: LATER, by: 'dev-gyj', actorScope: 'xg.gyj' });
    if (!taken.ok) throw new Error(taken.message);
    expect(taken.escalations.at(-1)).toMatchObject({ takenUpAt: LATER, takenUpBy: 'dev-gyj' });
    const after = { ...up, escalations: taken.escalations };
    expect(pendingEscalation(after)).toBeUndefined();
    expect(takeUpEscalation(after, { at: LATER, by: 'dev-xg', actorScope: 'xg' })).toMatchObject({
      ok: false,
      code: 'notPending',
    });
  });

  it('a topic never escalated has nothing to take up', () => {
    expect(pendingEscalation(courtyardTopic)).toBeUndefined();
  });
});
