import { describe, expect, it } from 'vitest';
import { refusedStateChange } from './pushed-change';

const demand = (status: string) => ({ id: 'd1', scope: 'xg.gyj', status });
const topic = (status: string, track = 'inDepth', level = 'community') => ({
  id: 't1',
  scope: 'xg.gyj',
  status,
  track,
  level,
});

describe('refusedStateChange', () => {
  it('lets staff take several steps offline in one push', () => {
    expect(
      refusedStateChange('demands', 'community-worker', demand('received'), demand('closed')),
    ).toBeNull();
    expect(refusedStateChange('demands', 'street-staff', null, demand('handling'))).toBeNull();
  });

  it('refuses a hall-chair closing a demand, naming the role and both states', () => {
    expect(refusedStateChange('demands', 'hall-chair', demand('answered'), demand('closed'))).toBe(
      '议事会主持人无权把诉求从「已答复」改为「已办结」',
    );
  });

  it('refuses a leader creating an already-closed demand but not a new one', () => {
    expect(refusedStateChange('demands', 'leader', null, demand('closed'))).toBe(
      '门楼院长无权新建「已办结」状态的诉求',
    );
    expect(refusedStateChange('demands', 'leader', null, demand('received'))).toBeNull();
    expect(refusedStateChange('demands', 'leader', null, demand('duplicate'))).toBeNull();
  });

  it('refuses a step no machine has, whoever takes it', () => {
    expect(refusedStateChange('demands', 'street-staff', demand('closed'), demand('received'))).toBe(
      '诉求不能从「已办结」变为「已登记」',
    );
    expect(refusedStateChange('meetings', 'street-staff', null, { status: 'published' })).toBeNull();
    expect(refusedStateChange('meetings', 'street-staff', { status: 'cancelled' }, { status: 'draft' })).toBe(
      '会议不能从「已取消」变为「筹备中」',
    );
  });

  it('allows taking a demand back out of its topic (a correction, not a step)', () => {
    expect(refusedStateChange('demands', 'hall-chair', demand('inTopic'), demand('accepted'))).toBeNull();
  });

  it('refuses a leader closing a topic, allows the hall-chair', () => {
    expect(refusedStateChange('topics', 'leader', topic('handling'), topic('closed'))).toBe(
      '门楼院长无权把议题从「结果办理」改为「已办结」',
    );
    expect(refusedStateChange('topics', 'hall-chair', topic('handling'), topic('closed'))).toBeNull();
    expect(refusedStateChange('topics', 'leader', topic('handling'), topic('escalated'))).toBeNull();
  });

  it('judges a topic step by its track and level', () => {
    expect(
      refusedStateChange('topics', 'hall-chair', topic('collecting', 'quick'), topic('answered', 'quick')),
    ).toBeNull();
    expect(refusedStateChange('topics', 'hall-chair', topic('collecting'), topic('answered'))).toBe(
      '议题不能从「议题征集」变为「已答复」',
    );
    expect(
      refusedStateChange(
        'topics',
        'leader',
        topic('collecting', 'inDepth', 'street'),
        topic('escalated', 'inDepth', 'street'),
      ),
    ).not.toBeNull();
  });

  it('lets a task move between the states its parties imply, for staff only', () => {
    expect(
      refusedStateChange('tasks', 'community-worker', { status: 'assigned' }, { status: 'finished' }),
    ).toBeNull();
    expect(
      refusedStateChange('tasks', 'community-worker', { status: 'finished' }, { status: 'closed' }),
    ).toBeNull();
    expect(
      refusedStateChange('tasks', 'hall-chair', { status: 'assigned' }, { status: 'inProgress' }),
    ).not.toBeNull();
    expect(
      refusedStateChange('tasks', 'street-staff', { status: 'withdrawn' }, { status: 'assigned' }),
    ).not.toBeNull();
  });

  it('lets only staff record a call-back or an escalation', () => {
    const callback = { kind: 'callback', outcome: 'satisfied' };
    expect(refusedStateChange('followUps', 'community-worker', null, callback)).toBeNull();
    expect(refusedStateChange('followUps', 'leader', null, callback)).toBe('门楼院长无权记录「回访: 满意」');
    expect(refusedStateChange('followUps', 'leader', null, { kind: 'escalation' })).toBe(
      '门楼院长无权记录「督办」',
    );
    expect(refusedStateChange('followUps', 'leader', null, { kind: 'progress' })).toBeNull();
  });

  it('leaves unchanged states and collections without a lifecycle alone', () => {
    expect(refusedStateChange('demands', 'leader', demand('closed'), demand('closed'))).toBeNull();
    expect(refusedStateChange('people', 'viewer', null, { name: 'x' })).toBeNull();
  });
});
