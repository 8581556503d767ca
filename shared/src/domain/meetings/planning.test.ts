import { describe, expect, it } from 'vitest';
import { docsOf, type CommandContext } from '#shared/domain/commands/index';
import { topic as deliberated } from '#shared/domain/handling/fixtures';
import type { TopicDoc } from '#shared/schema/index';
import { editPreparation, linkTopicToMeeting, scheduleMeeting, setTopicStakeholders } from './planning';

const ctxOf = (
  role: CommandContext['actor']['role'] = 'community-worker',
  scope = 'xg.hxy',
): CommandContext => {
  let n = 0;
  return {
    actor: { id: 'device-1', role, scope },
    deviceId: 'device-1',
    now: '2026-11-20T02:00:00.000Z',
    newId: (prefix) => `${prefix}-${(n += 1)}`,
  };
};
const collecting: TopicDoc = { ...deliberated, status: 'collecting', meetingIds: [] };

describe('scheduling a meeting', () => {
  it('drafts it in the device’s place with the kind’s rules, and audits it', () => {
    const decided = scheduleMeeting(
      { kind: 'courtyardMeeting', title: ' ', startsAt: '2026-11-25T11:00:00.000Z', durationMinutes: 90 },
      ctxOf(),
    );
    if (!decided.ok) throw new Error(decided.message);
    expect(decided.meeting).toMatchObject({ id: 'meeting-1', scope: 'xg.hxy', status: 'draft', agenda: [] });
    expect(decided.meeting.title).not.toBe('');
    expect(docsOf(decided.change, 'insert', 'meetings')).toEqual([decided.meeting]);
    expect(decided.change.audit).toMatchObject([{ action: 'meeting.schedule', targetId: 'meeting-1' }]);
  });

  it('is refused to a recorder and without a time', () => {
    const input = {
      kind: 'courtyardMeeting',
      title: '议事会',
      startsAt: '2026-11-25T11:00:00.000Z',
      durationMinutes: 60,
    } as const;
    expect(scheduleMeeting(input, ctxOf('recorder')).ok).toBe(false);
    expect(scheduleMeeting({ ...input, startsAt: '' }, ctxOf()).ok).toBe(false);
  });
});

describe('preparing a meeting', () => {
  const scheduled = scheduleMeeting(
    {
      kind: 'courtyardMeeting',
      title: '6号院议事会',
      startsAt: '2026-11-25T11:00:00.000Z',
      durationMinutes: 90,
    },
    ctxOf(),
  );
  if (!scheduled.ok) throw new Error(scheduled.message);

  it('writes the edits onto the stored meeting, elsewhere refused', () => {
    const later = { ...ctxOf(), now: '2026-11-21T02:00:00.000Z' };
    const decided = editPreparation(scheduled.meeting, { title: '6号院停车议事会', proxyLimit: 2 }, later);
    if (!decided.ok) throw new Error(decided.message);
    expect(docsOf(decided.change, 'update', 'meetings')).toMatchObject([
      { id: 'meeting-1', title: '6号院停车议事会', proxyLimit: 2, status: 'draft', updatedAt: later.now },
    ]);
    expect(editPreparation(scheduled.meeting, { title: '改' }, ctxOf('community-worker', 'xg.gyj')).ok).toBe(
      false,
    );
  });
});

describe('the topic as its meeting is prepared', () => {
  it('moves a collecting topic on once stakeholders are chosen, then schedules it with the meeting', () => {
    const chosen = setTopicStakeholders(collecting, [{ kind: 'organization', name: '京惠物业' }], ctxOf());
    if (!chosen.ok) throw new Error(chosen.message);
    const withStakeholders = docsOf(chosen.change, 'update', 'topics')[0];
    expect(withStakeholders).toMatchObject({ status: 'stakeholders', stakeholders: [{ name: '京惠物业' }] });
    if (!withStakeholders) throw new Error('no topic');
    const linked = linkTopicToMeeting(withStakeholders, 'meeting-9', ctxOf());
    if (!linked.ok) throw new Error(linked.message);
    expect(docsOf(linked.change, 'update', 'topics')).toMatchObject([
      { status: 'scheduled', meetingIds: ['meeting-9'] },
    ]);
  });

  it('writes nothing when the topic is already linked, and refuses a viewer', () => {
    const linked = linkTopicToMeeting(deliberated, 'meeting-1', ctxOf());
    expect(linked.ok && docsOf(linked.change, 'update', 'topics')).toEqual([]);
    expect(setTopicStakeholders(collecting, [], ctxOf('viewer')).ok).toBe(false);
  });
});
