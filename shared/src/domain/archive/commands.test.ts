import { describe, expect, it } from 'vitest';
import type { CommandContext } from '#shared/domain/commands/index';
import { docsOf } from '#shared/domain/commands/index';
import type { CaseDoc } from '#shared/schema/index';
import { collectTopicHistory, editCase, generateCaseDraft, type HistoryTopic } from './index';

const topic: HistoryTopic = {
  id: 't1',
  scope: 'xg.gyj.hx',
  title: '华严北里电动自行车充电难',
  description: '楼道内飞线充电存在火灾隐患。',
  category: 'evCharging',
  level: 'community',
  originLevel: 'courtyard',
  track: 'inDepth',
  demandIds: [],
  meetingIds: [],
  stakeholders: [],
  escalations: [],
  decision: '建设充电棚',
};
const history = collectTopicHistory(topic, '华严北里', {
  demands: [],
  meetings: [],
  records: [],
  tasks: [],
  followUps: [],
});

const ctxOf = (role: CommandContext['actor']['role'], scope = 'xg.gyj'): CommandContext => {
  let n = 0;
  return {
    actor: { id: 'device-1', role, scope },
    deviceId: 'device-1',
    now: '2026-11-20T02:00:00.000Z',
    newId: (prefix) => `${prefix}-${++n}`,
  };
};

describe('generating a case draft', () => {
  it('inserts a draft of the topic with its audit entry', () => {
    const decided = generateCaseDraft(history, 'story', ctxOf('community-worker'));
    if (!decided.ok) throw new Error(decided.message);
    expect(decided.doc).toMatchObject({ id: 'case-1', scope: 'xg.gyj.hx', topicId: 't1', status: 'draft' });
    expect(decided.doc.title).toContain('华严北里');
    expect(docsOf(decided.change, 'insert', 'cases')).toEqual([decided.doc]);
    expect(decided.change.audit).toMatchObject([{ action: 'case.generate', targetId: 'case-1' }]);
  });

  it('is refused to a role that may not edit cases, and outside the device scope', () => {
    expect(generateCaseDraft(history, 'case', ctxOf('leader'))).toEqual({
      ok: false,
      message: '本设备无权编辑该地点的成果',
    });
    expect(generateCaseDraft(history, 'case', ctxOf('community-worker', 'xg.other')).ok).toBe(false);
  });
});

describe('editing a case', () => {
  const generated = generateCaseDraft(history, 'case', ctxOf('community-worker'));
  if (!generated.ok) throw new Error(generated.message);
  const stored: CaseDoc = generated.doc;

  it('replaces title, body and kind, and publishing is audited as such', () => {
    const later = { ...ctxOf('community-worker'), now: '2026-11-21T02:00:00.000Z' };
    const decided = editCase(
      stored,
      { title: '  新标题 ', body: '【做法】改', kind: 'case', status: 'published' },
      later,
    );
    if (!decided.ok) throw new Error(decided.message);
    expect(docsOf(decided.change, 'update', 'cases')).toMatchObject([
      { id: stored.id, title: '新标题', body: '【做法】改', status: 'published', updatedAt: later.now },
    ]);
    expect(decided.change.audit).toMatchObject([{ action: 'case.publish', detail: '新标题' }]);
  });

  it('keeps the state when none is given and audits an edit', () => {
    const decided = editCase(stored, { title: '标题', body: '正文', kind: 'experience' }, ctxOf('recorder'));
    if (!decided.ok) throw new Error(decided.message);
    expect(docsOf(decided.change, 'update', 'cases')[0]?.status).toBe('draft');
    expect(decided.change.audit[0]?.action).toBe('case.edit');
  });

  it('lists every problem of the text at once and writes nothing', () => {
    expect(editCase(stored, { title: ' ', body: '', kind: 'case' }, ctxOf('community-worker'))).toEqual({
      ok: false,
      message: '请填写标题；正文不能为空',
    });
  });
});
