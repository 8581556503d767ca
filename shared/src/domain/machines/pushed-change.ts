import type { ActorRole, CollectionName, FollowUpKind } from '#shared/domain/vocab';
import { ACTOR_ROLE_LABELS } from '#shared/domain/permissions/roles';
import { demandMachine } from './demand';
import { evaluationEventOf, evaluationMachine } from './evaluation';
import type { Machine, MachineContext } from './machine';
import { meetingMachine } from './meeting';
import { projectMachine } from './project';
import { partyMachine, taskMachine } from './task';
import { topicMachine, type TopicContext } from './topic';

// The hub sees states, not events: a device pushes the document as it is now over the state it
// started from, and may have taken several steps offline in between. A pushed change of `status`
// is legal when some sequence of the machine's steps open to the device's role leads from the old
// state to the new one (a new document: from the state the app creates it in). Artefacts are not
// checked here: the app checks them when it takes each step, and several live in other documents
// (call-backs, approved minutes) that may reach the hub in another push.

type DocState = Record<string, unknown>;

interface Edge {
  readonly from: string;
  readonly to: string;
  readonly roles: readonly ActorRole[];
  /** Whether the step is open for this document (a topic's track or level). */
  readonly open?: (doc: DocState) => boolean;
}

interface StatusRules {
  readonly noun: string;
  readonly labels: Readonly<Record<string, string>>;
  /** States the app creates a document in. */
  readonly initial: readonly string[];
  readonly edges: readonly Edge[];
}

function edgesOf<C extends MachineContext>(
  machine: Machine<string, string, C>,
  context?: (doc: DocState, role: ActorRole) => C,
): Edge[] {
  return machine.rules.flatMap((rule) =>
    rule.from
      .filter((from) => rule.to !== undefined && rule.to !== from)
      .map((from) => ({
        from,
        to: rule.to as string,
        roles: rule.roles,
        ...(rule.guard && context
          ? { open: (doc: DocState) => rule.guard?.(context(doc, 'street-staff')) === undefined }
          : {}),
      })),
  );
}

// Guards are judged on the document's own facts; what they read from other documents (the
// topic's open tasks) is, like artefacts, checked by the app when it takes the step.
const topicContext = (doc: DocState): TopicContext =>
  ({
    actor: { role: 'street-staff' },
    track: doc['track'],
    level: doc['level'],
    openTasks: 0,
  }) as TopicContext;

/** A task's open states follow its parties (any party step may move it between them). */
const TASK_DERIVED = ['assigned', 'inProgress', 'finished', 'declined', 'redirected', 'reopened'];
const partyRoles = [...new Set(partyMachine.rules.flatMap((rule) => rule.roles))];

const RULES: Partial<Record<CollectionName, StatusRules>> = {
  demands: {
    noun: '诉求',
    labels: demandMachine.stateLabels,
    // An intake that finds the same request already registered records it as a duplicate.
    initial: ['received', 'duplicate'],
    edges: [
      ...edgesOf(demandMachine),
      // Taking a demand out of its topic is a correction of the grouping (拆分), not a step.
      { from: 'inTopic', to: 'accepted', roles: topicMachine.rules.flatMap((rule) => rule.roles) },
    ],
  },
  topics: {
    noun: '议题',
    labels: topicMachine.stateLabels,
    initial: ['collecting'],
    edges: edgesOf(topicMachine, topicContext),
  },
  meetings: {
    noun: '会议',
    labels: meetingMachine.stateLabels,
    initial: ['draft'],
    edges: edgesOf(meetingMachine),
  },
  projects: {
    noun: '微实事项目',
    labels: projectMachine.stateLabels,
    initial: ['proposed'],
    edges: edgesOf(projectMachine),
  },
  tasks: {
    noun: '任务',
    labels: taskMachine.stateLabels,
    initial: ['assigned'],
    edges: [
      ...edgesOf(taskMachine),
      ...TASK_DERIVED.flatMap((from) =>
        TASK_DERIVED.filter((to) => to !== from).map((to) => ({ from, to, roles: partyRoles })),
      ),
    ],
  },
};

/** States reachable from `starts` by steps open to `role` (any role when undefined). */
function reachable(rules: StatusRules, starts: readonly string[], docs: DocState[], role?: ActorRole) {
  const seen = new Set(starts);
  const queue = [...starts];
  while (queue.length > 0) {
    const state = queue.shift() as string;
    for (const edge of rules.edges) {
      if (edge.from !== state || seen.has(edge.to)) continue;
      if (role !== undefined && !edge.roles.includes(role)) continue;
      if (edge.open && !docs.some((doc) => edge.open?.(doc))) continue;
      seen.add(edge.to);
      queue.push(edge.to);
    }
  }
  return seen;
}

function refusedFollowUp(role: ActorRole, next: DocState): string | null {
  const event = evaluationEventOf({
    kind: next['kind'] as FollowUpKind,
    ...(typeof next['outcome'] === 'string' ? { outcome: next['outcome'] } : {}),
  });
  if (event === undefined) return null;
  const roles = evaluationMachine.rules.filter((rule) => rule.event === event).flatMap((rule) => rule.roles);
  if (roles.includes(role)) return null;
  return `${ACTOR_ROLE_LABELS[role]}无权记录「${evaluationMachine.eventLabels[event]}」`;
}

/**
 * Why the app would never let a device of this role turn `master` (null: a new document) into
 * `next`, or null when it would. Only the lifecycle is judged here; which role may edit the
 * collection at all is the permission table's business.
 */
export function refusedStateChange(
  collection: CollectionName,
  role: ActorRole,
  master: DocState | null,
  next: DocState,
): string | null {
  if (collection === 'followUps') return master === null ? refusedFollowUp(role, next) : null;
  const rules = RULES[collection];
  if (!rules) return null;
  const to = next['status'];
  if (typeof to !== 'string') return null;
  const from = master === null ? null : master['status'];
  if (from === to) return null;
  const label = (state: unknown) => `「${rules.labels[state as string] ?? String(state)}」`;
  const starts = typeof from === 'string' ? [from] : rules.initial;
  const docs = master === null ? [next] : [master, next];
  const who = ACTOR_ROLE_LABELS[role];
  if (reachable(rules, starts, docs, role).has(to)) return null;
  const anyone = reachable(rules, starts, docs).has(to);
  if (typeof from !== 'string') {
    return anyone
      ? `${who}无权新建${label(to)}状态的${rules.noun}`
      : `新建的${rules.noun}不能是${label(to)}状态`;
  }
  return anyone
    ? `${who}无权把${rules.noun}从${label(from)}改为${label(to)}`
    : `${rules.noun}不能从${label(from)}变为${label(to)}`;
}
