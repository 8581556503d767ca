import { describe, expect, it } from 'vitest';
import { collectTopicHistory, generateCase } from '#shared/domain/archive/index';
import { fundBalances, voteOptions } from '#shared/domain/projects/index';
import { generateDemoStreet } from '#resources/demo/index';

// The generator on the demo street's realistic record: every settled in-depth topic gets a
// write-up that names its meeting, its vote and its call-backs.
const demo = generateDemoStreet({ seed: 1, now: '2026-11-29T08:00:00.000Z', scale: 1 });
const names = new Map(demo.places.map((p) => [p.scope, p.name]));

describe('write-ups of the demo street', () => {
  const settled = demo.topics.filter(
    (t) => t.status === 'closed' && t.track === 'inDepth' && t.meetingIds.length > 0,
  );

  it('has settled topics to write up', () => {
    expect(settled.length).toBeGreaterThan(5);
  });

  it('tells each settled topic from demand to call-back', () => {
    for (const topic of settled.slice(0, 20)) {
      const history = collectTopicHistory(topic, names.get(topic.scope) ?? topic.scope, {
        demands: demo.demands,
        meetings: demo.meetings,
        records: demo.meetingRecords,
        tasks: demo.tasks,
        followUps: demo.followUps,
      });
      const draft = generateCase(history, 'case', '2026-11-29T08:00:00.000Z');
      const [problem, talk, work, , outcome] = draft.sections.map((s) => s.text);
      expect(problem).toMatch(/诉求 \d+ 件|源于日常走访/);
      const meeting = history.meetings[0];
      if (meeting) expect(talk).toContain(meeting.title);
      if (history.tasks.length > 0) expect(work).toContain(`办理任务 ${history.tasks.length} 项`);
      expect(outcome).not.toBe('');
      expect(draft.body.length).toBeLessThan(100_000);
    }
  });
});

describe('projects of the demo street', () => {
  it('approved projects point at a passed vote of their approval meeting', () => {
    const options = voteOptions(demo.meetings, demo.meetingRecords);
    const approved = demo.projects.filter((p) => p.approvalRecordId);
    expect(approved.length).toBeGreaterThan(0);
    for (const project of approved) {
      expect(options.find((o) => o.recordId === project.approvalRecordId)).toMatchObject({
        meetingId: project.approvalMeetingId,
        passed: true,
      });
    }
  });

  it('never spends beyond a budget, so no balance is negative', () => {
    const rows = fundBalances(demo.projects);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.balanceFen).toBeGreaterThanOrEqual(0);
  });
});
