import { describe, expect, it } from 'vitest';
import { consoleFor, hallMeeting } from '#shared/domain/meetings/test-fixture';
import { projectVoteOptions } from './project-votes';

// A meeting on two topics: on t1 one motion passes and one fails; on t2 a motion passes.
function meetingOnTwoTopics() {
  const meeting = hallMeeting({
    agenda: [
      { itemId: 'a1', title: '停车收费方案', minutes: 30, topicId: 't1' },
      { itemId: 'a2', title: '充电桩选址', minutes: 20, topicId: 't2' },
    ],
    defaultRule: 'simpleMajority',
    defaultBase: 'present',
  });
  const c = consoleFor(meeting);
  for (let i = 1; i <= 20; i += 1) c.must({ type: 'signIn', personId: `p${i}` });
  const vote = (motion: string, yes: number, no: number) => {
    const [opened] = c.must({ type: 'openVote', motion });
    c.must({ type: 'recordCount', voteId: opened?.voteId ?? '', origin: 'hall', yes, no, abstain: 0 });
    c.must({ type: 'closeVote', voteId: opened?.voteId ?? '' });
  };
  c.must({ type: 'startItem', itemId: 'a1' });
  vote('同意分时段停车收费方案', 15, 5);
  vote('同意取消夜间停车', 4, 16);
  c.must({ type: 'endItem', itemId: 'a1' });
  c.must({ type: 'startItem', itemId: 'a2' });
  vote('同意在3号楼北侧建充电桩', 18, 2);
  c.must({ type: 'endItem', itemId: 'a2' });
  return { meeting, records: c.records };
}

describe('the votes a project may be approved by', () => {
  const { meeting, records } = meetingOnTwoTopics();

  it('offers only passed votes on the project’s own topics, named by their motion', () => {
    const options = projectVoteOptions({ topicIds: ['t1'] }, [meeting], records);
    expect(options.map((o) => [o.motion, o.passed, o.meetingId])).toEqual([
      ['同意分时段停车收费方案', true, 'm1'],
    ]);
    const both = projectVoteOptions({ topicIds: ['t1', 't2'] }, [meeting], records);
    expect(both.map((o) => o.motion).sort()).toEqual(['同意分时段停车收费方案', '同意在3号楼北侧建充电桩']);
  });

  it('offers nothing when no meeting deliberated the project’s topics', () => {
    expect(projectVoteOptions({ topicIds: ['t9'] }, [meeting], records)).toEqual([]);
    expect(projectVoteOptions({ topicIds: [] }, [meeting], records)).toEqual([]);
  });
});
