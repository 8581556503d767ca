import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { jsonSchemaForValidation } from '#shared/schema/index';
import type { TaskStepResult } from '#shared/domain/handling/index';
import {
  escalateTask,
  inspectTask,
  partyStep,
  recordCallback,
  reportProgress,
  startHandling,
  tasksFromDecision,
} from '#shared/domain/handling/index';
import { ctxAt, decision, demand, demandOf, followUpsOf, meeting, tasksOf, topic } from './fixtures';

// What the steps return is written as is and pushed to the hub, which validates every row
// against the shared JSON Schemas: so every document must pass them here.

const ajv = new Ajv({ strict: true, allowUnionTypes: true });
const validators = {
  tasks: ajv.compile(jsonSchemaForValidation('tasks')),
  followUps: ajv.compile(jsonSchemaForValidation('followUps')),
  demands: ajv.compile(jsonSchemaForValidation('demands')),
  topics: ajv.compile(jsonSchemaForValidation('topics')),
};
const valid = (collection: keyof typeof validators, doc: unknown) => {
  const check = validators[collection];
  const ok = check(doc);
  expect(ok, `${collection}: ${JSON.stringify(check.errors)}`).toBe(true);
};
const ok = (result: TaskStepResult) => {
  if (!result.ok) throw new Error(result.message);
  return result;
};

describe('documents of the handling loop match the shared schemas', () => {
  it('tasks, follow-ups, demands and the topic, from the decision to the call-back', () => {
    const created = tasksFromDecision(decision, { meeting, topic }, ctxAt(), { split: true });
    if (!created.ok) throw new Error(created.message);
    const [task] = created.tasks;
    if (!task) throw new Error('no task');
    created.tasks.forEach((t) => valid('tasks', t));
    const handled = startHandling(created.tasks, { topic, demands: [demand('d-1', 'inTopic')] }, ctxAt());
    valid('topics', handled.topic);
    handled.demands.forEach((d) => valid('demands', d));

    const partyId = task.parties[0]?.partyId ?? '';
    const steps = [ok(partyStep(task, partyId, 'accept', {}, ctxAt()))];
    const accepted = steps[0]?.task ?? task;
    steps.push(ok(reportProgress(accepted, { note: '施工中', photoCount: 2 }, ctxAt())));
    steps.push(ok(escalateTask(accepted, { reason: '逾期' }, ctxAt())));
    const finished = ok(partyStep(accepted, partyId, 'finish', { note: '完成', photoCount: 1 }, ctxAt()));
    steps.push(finished);
    steps.push(ok(inspectTask(finished.task, { outcome: 'passed', note: '合格', photoCount: 3 }, ctxAt())));
    for (const step of steps) {
      valid('tasks', step.task);
      followUpsOf(step).forEach((f) => valid('followUps', f));
    }
    const callback = recordCallback(
      demand('d-1', 'resolved'),
      { outcome: 'unsatisfied', note: '仍有问题' },
      { tasks: [steps.at(-1)?.task ?? task] },
      ctxAt(),
    );
    if (!callback.ok) throw new Error(callback.message);
    valid('followUps', followUpsOf(callback)[0]);
    valid('demands', demandOf(callback));
    tasksOf(callback).forEach((t) => valid('tasks', t));
    expect(tasksOf(callback)).toHaveLength(1);
  });
});
