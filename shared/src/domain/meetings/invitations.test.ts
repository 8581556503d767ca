import { describe, expect, it } from 'vitest';
import type { CommandContext } from '#shared/domain/commands/index';
import type { TopicDoc } from '#shared/schema/index';
import {
  inviteesOf,
  PARTY_CHOICES,
  stakeholderOf,
  notificationsOf,
  notifiedCount,
  recordNotification,
  stakeholderLabel,
  withdrawNotification,
} from './invitations';
import { guideForMeeting } from './meeting-guide';
import { invitationText } from './notices';
import { halfWidthPunctuation } from './papers';
import { hallMeeting, T0 } from './test-fixture';

// Who a meeting invites, and the record of who was told, when and how.

const topics: Pick<TopicDoc, 'id' | 'stakeholders'>[] = [
  {
    id: 't1',
    stakeholders: [
      { kind: 'organization', orgKind: 'propertyCompany', refId: 'o1', name: '京诚物业' },
      { kind: 'organization', refId: 'o2', name: '房管所' },
      { kind: 'organization', name: '业主委员会' },
      { kind: 'streetDept', name: '城市管理办公室' },
      { kind: 'residentRep', refId: 'p3', name: '居民3' },
      { kind: 'resident', name: '王大爷' },
    ],
  },
];
const organizations = [{ id: 'o2', kind: 'propertyRightsUnit' as const }];
let n = 0;
const ctx = (
  now = '2026-11-28T02:00:00.000Z',
  role: CommandContext['actor']['role'] = 'community-worker',
): CommandContext => ({
  actor: { id: 'dev1', role, scope: 'xg.gyj' },
  deviceId: 'dev1',
  now,
  newId: (prefix) => `${prefix}-${(n += 1)}`,
});

describe('the invited', () => {
  const meeting = hallMeeting({ status: 'draft', startsAt: T0 });
  const invitees = inviteesOf(meeting, topics, organizations);

  it('names each kind of organisation for what it is, not 单位组织', () => {
    const label = (name: string) => invitees.find((i) => i.name === name)?.label;
    expect(label('京诚物业')).toBe('物业服务企业');
    expect(label('房管所')).toBe('产权单位');
    expect(label('城市管理办公室')).toBe('街道科室');
    expect(label('王大爷')).toBe('居民');
    expect(stakeholderLabel({ kind: 'organization', orgKind: 'ownersCommittee' })).toBe('业委会');
    expect(stakeholderLabel({ kind: 'organization', orgKind: 'socialOrg' })).toBe('社区社会组织');
    expect(stakeholderLabel({ kind: 'organization', orgKind: 'residentUnit' })).toBe('驻区单位');
  });

  it('offers each kind of organisation by name in 主体确定, and keeps the kind on the topic', () => {
    expect(PARTY_CHOICES).toEqual(
      expect.arrayContaining([
        'residentRep',
        'propertyCompany',
        'propertyRightsUnit',
        'socialOrg',
        'residentUnit',
        'ownersCommittee',
        'streetDept',
      ]),
    );
    expect(PARTY_CHOICES).not.toContain('organization');
    const company = stakeholderOf('propertyCompany', '京诚物业', 'o1');
    expect(company).toEqual({
      kind: 'organization',
      orgKind: 'propertyCompany',
      name: '京诚物业',
      refId: 'o1',
    });
    expect(stakeholderLabel(company)).toBe('物业服务企业');
    expect(stakeholderLabel(stakeholderOf('propertyRightsUnit', '房管所'))).toBe('产权单位');
    expect(stakeholderLabel(stakeholderOf('streetDept', '城市管理办公室'))).toBe('街道科室');
    expect(stakeholderOf('residentRep', '居民3', 'p3')).toEqual({
      kind: 'residentRep',
      name: '居民3',
      refId: 'p3',
    });
  });

  it('lists the roster and each party of the agenda topics once, with the items they come for', () => {
    expect(invitees).toHaveLength(meeting.roster.length + 5);
    // 居民3 is on the roster already: invited to the whole meeting, not only one item.
    expect(invitees.filter((i) => i.refId === 'p3')).toEqual([
      expect.objectContaining({ kind: 'person', items: [] }),
    ]);
    expect(invitees.find((i) => i.name === '京诚物业')).toMatchObject({
      kind: 'propertyCompany',
      items: ['停车收费方案'],
    });
  });

  it('records who was told, when and how; 已通知 counts exactly that list', () => {
    const company = invitees.find((i) => i.name === '京诚物业');
    if (!company) throw new Error('missing');
    const told = recordNotification(meeting, invitees, { invitee: company, method: 'phone' }, ctx());
    if (!told.ok) throw new Error(told.message);
    expect(notificationsOf(told.meeting, company)).toEqual([
      expect.objectContaining({
        inviteeKind: 'propertyCompany',
        refId: 'o1',
        method: 'phone',
        at: '2026-11-28T02:00:00.000Z',
      }),
    ]);
    expect(notifiedCount(told.meeting, invitees)).toEqual({ notified: 1, total: invitees.length });
    expect(told.change.audit[0]).toMatchObject({
      action: 'meeting.notify',
      detail: '京诚物业（物业服务企业），电话',
    });
    expect(halfWidthPunctuation(told.change.audit[0]?.detail ?? '')).toEqual([]);

    // The guide reads the same list: before the meeting, who has no record is still open.
    const guide = (m: typeof meeting) =>
      guideForMeeting(m, [], topics as TopicDoc[]).find((s) => s.key === 'meeting');
    expect(guide(told.meeting)?.missing).toContain(
      `尚有 ${invitees.length - 1} 位参会人或单位没有通知记录，已通知 1 / 共 ${invitees.length}（按通知记录）`,
    );
    expect(guide({ ...told.meeting, status: 'adjourned' })?.done).toContain(
      `已通知 1 / 共 ${invitees.length}（按通知记录）`,
    );

    const entry = told.meeting.notifications?.[0];
    const back = withdrawNotification(told.meeting, entry?.notificationId ?? '', ctx());
    if (!back.ok) throw new Error(back.message);
    expect(notifiedCount(back.meeting, invitees).notified).toBe(0);
  });

  it('refuses a party not invited, a time to come, an unknown method and a meeting under way', () => {
    const company = invitees.find((i) => i.name === '京诚物业');
    if (!company) throw new Error('missing');
    const stranger = { ...company, key: 'propertyCompany:o9', refId: 'o9', name: '别家物业' };
    expect(recordNotification(meeting, invitees, { invitee: stranger, method: 'sms' }, ctx())).toEqual({
      ok: false,
      message: '别家物业不在本次会议的邀请名单中',
    });
    expect(
      recordNotification(
        meeting,
        invitees,
        { invitee: company, method: 'sms', at: '2026-11-28T03:00:00.000Z' },
        ctx(),
      ),
    ).toEqual({ ok: false, message: '通知时间不能晚于现在' });
    expect(
      recordNotification(meeting, invitees, { invitee: company, method: 'fax' as 'sms' }, ctx()),
    ).toMatchObject({ ok: false, message: expect.stringContaining('请选择通知方式') });
    expect(
      recordNotification(
        { ...meeting, status: 'inProgress' },
        invitees,
        { invitee: company, method: 'sms' },
        ctx(),
      ),
    ).toEqual({ ok: false, message: '会议进行中，不能再记录通知' });
    expect(
      recordNotification(meeting, invitees, { invitee: company, method: 'sms' }, ctx(undefined, 'viewer')).ok,
    ).toBe(false);
  });

  it('writes a notice per party in full-width punctuation, saying what they come for', () => {
    const company = invitees.find((i) => i.name === '京诚物业');
    const member = invitees.find((i) => i.refId === 'p1');
    if (!company || !member) throw new Error('missing');
    const context = { venueName: '高原街社区议事厅', issuer: '高原街社区居民委员会', issuedAt: T0 };
    const toCompany = invitationText(meeting, company, context);
    expect(toCompany.paragraphs[0]).toBe('京诚物业：');
    expect(toCompany.paragraphs[1]).toContain('会议将协商“停车收费方案”，请贵单位派负责同志参加');
    const toMember = invitationText(meeting, member, context);
    expect(toMember.paragraphs[0]).toBe('居民1（参会人员）：');
    expect(toMember.paragraphs[1]).toContain('享有表决权');
    for (const paper of [toCompany, toMember])
      expect(
        halfWidthPunctuation([paper.title, ...paper.paragraphs, ...paper.items, ...paper.closing].join('\n')),
      ).toEqual([]);
  });
});
