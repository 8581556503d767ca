import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ACTOR_ROLES,
  COLLECTION_NAMES,
  PERMISSION_ACTIONS,
  type ActorRole,
  type PermissionAction,
} from '#shared/domain/vocab';
import { authorize, can, writeActionFor, type Actor } from '#shared/domain/permissions/index';
import { visibleToDevice } from '#shared/domain/places/index';
import {
  demandMachine,
  evaluationMachine,
  meetingMachine,
  partyMachine,
  projectMachine,
  taskMachine,
  topicMachine,
  type Machine,
} from '#shared/domain/machines/index';

// Written per role (the table is per action), so the two are independent statements of the rules.
const ALLOWED: Record<ActorRole, string> = {
  'street-staff': PERMISSION_ACTIONS.join(' '),
  'community-worker': `read demand.create demand.update demand.import topic.create topic.update topic.escalate
    meeting.schedule meeting.run meeting.record minutes.approve task.assign task.update followUp.create
    callback.record project.manage project.approve case.edit place.edit person.edit organization.edit pii.read audit.write`,
  'hall-chair': `read demand.create demand.update topic.create topic.update topic.escalate meeting.schedule
    meeting.run meeting.record minutes.approve followUp.create project.approve audit.write`,
  recorder: 'read meeting.record case.edit audit.write',
  leader: 'read demand.create topic.create topic.update topic.escalate followUp.create audit.write',
  viewer: 'read audit.write',
};

const actor = (role: ActorRole, scope = 'xg.gyj'): Actor => ({ id: `${role}-1`, role, scope });

describe('role × action matrix', () => {
  it.each(ACTOR_ROLES)('%s', (role) => {
    const allowed = new Set(ALLOWED[role].split(/\s+/).filter(Boolean));
    for (const action of PERMISSION_ACTIONS) {
      expect(can(actor(role), action, { scope: 'xg.gyj.hxnl5' }), `${role} ${action}`).toBe(
        allowed.has(action),
      );
    }
    for (const name of allowed) expect(PERMISSION_ACTIONS).toContain(name);
  });

  it('explains a refusal in Chinese', () => {
    expect(authorize(actor('viewer'), 'export.pii', { scope: 'xg.gyj' })).toEqual({
      ok: false,
      code: 'role',
      message: '查看者无权导出个人敏感信息',
    });
  });
});

describe('scope limits', () => {
  it('reaches its own subtree only', () => {
    const worker = actor('community-worker', 'xg.gyj');
    expect(can(worker, 'demand.update', { scope: 'xg.gyj' })).toBe(true);
    expect(can(worker, 'demand.update', { scope: 'xg.gyj.hxnl5.b3.e1' })).toBe(true);
    expect(can(worker, 'demand.update', { scope: 'xg.gyjx' })).toBe(false);
    expect(can(worker, 'demand.update', { scope: 'xg.hxdj.y1' })).toBe(false);
    expect(can(worker, 'read', { scope: 'xg' })).toBe(false);
    expect(authorize(worker, 'read', { scope: 'xg.hxdj' })).toMatchObject({ ok: false, code: 'scope' });
  });

  it('lets street staff at the root reach every community of the street, not another street', () => {
    const street = actor('street-staff', 'xg');
    expect(can(street, 'export.pii', { scope: 'xg.hxdj.y1' })).toBe(true);
    expect(can(street, 'read', { scope: 'xg' })).toBe(true);
    expect(can(street, 'read', { scope: 'dt.a' })).toBe(false);
  });

  it('reads, but never edits, the reference data of its ancestors', () => {
    const leader = actor('leader', 'xg.gyj.hxnl5');
    expect(can(leader, 'read', { scope: 'xg', collection: 'places' })).toBe(true);
    expect(can(leader, 'read', { scope: 'xg.gyj', collection: 'organizations' })).toBe(true);
    expect(can(leader, 'read', { scope: 'xg.gyj', collection: 'demands' })).toBe(false);
    expect(can(leader, 'read', { scope: 'xg.gyj.hxnl3', collection: 'places' })).toBe(false);
    expect(can(actor('community-worker'), 'place.edit', { scope: 'xg', collection: 'places' })).toBe(false);
  });

  it('reads exactly what the hub sends a device of the same scope', () => {
    const segment = fc.constantFrom('xg', 'gyj', 'gyjx', 'a', 'b3');
    const scope = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('.'));
    fc.assert(
      fc.property(scope, scope, fc.constantFrom(...COLLECTION_NAMES), (device, doc, collection) => {
        const reader = actor('community-worker', device);
        expect(can(reader, 'read', { scope: doc, collection })).toBe(
          visibleToDevice(doc, collection, device),
        );
      }),
    );
  });
});

describe('writeActionFor', () => {
  it('maps every collection', () => {
    const expected: Record<string, [PermissionAction, PermissionAction]> = {
      places: ['place.edit', 'place.edit'],
      people: ['person.edit', 'person.edit'],
      organizations: ['organization.edit', 'organization.edit'],
      demands: ['demand.create', 'demand.update'],
      topics: ['topic.create', 'topic.update'],
      meetings: ['meeting.schedule', 'meeting.run'],
      meetingRecords: ['meeting.record', 'meeting.record'],
      tasks: ['task.assign', 'task.update'],
      followUps: ['followUp.create', 'followUp.create'],
      projects: ['project.manage', 'project.manage'],
      cases: ['case.edit', 'case.edit'],
      auditTrail: ['audit.write', 'audit.write'],
    };
    for (const collection of COLLECTION_NAMES) {
      expect([writeActionFor(collection, true), writeActionFor(collection, false)], collection).toEqual(
        expected[collection],
      );
    }
  });

  it('refines by the row where a collection holds steps of different weight', () => {
    expect(writeActionFor('followUps', true, { kind: 'callback' })).toBe('callback.record');
    expect(writeActionFor('meetings', false, { status: 'minutesApproved' })).toBe('minutes.approve');
    expect(writeActionFor('topics', false, { status: 'escalated' })).toBe('topic.escalate');
    expect(writeActionFor('projects', false, { status: 'approved' })).toBe('project.approve');
    expect(writeActionFor('projects', true, { status: 'approved' })).toBe('project.manage');
  });

  it('only street and community staff write reference data; anyone appends audit entries in scope', () => {
    for (const role of ACTOR_ROLES) {
      const staff = role === 'street-staff' || role === 'community-worker';
      expect(can(actor(role), writeActionFor('places', true), { scope: 'xg.gyj.hxnl5' })).toBe(staff);
      expect(can(actor(role), writeActionFor('organizations', false), { scope: 'xg.gyj' })).toBe(staff);
      expect(can(actor(role), writeActionFor('auditTrail', true), { scope: 'xg.gyj' })).toBe(true);
      expect(can(actor(role), writeActionFor('auditTrail', true), { scope: 'xg.hxdj' })).toBe(false);
    }
  });

  it('lets every role that may run a machine transition push the resulting row', () => {
    const cases: [
      Machine<string, string, never>,
      (typeof COLLECTION_NAMES)[number],
      (event: string, to: string) => object,
    ][] = [
      [demandMachine as never, 'demands', (_e, to) => ({ status: to })],
      [topicMachine as never, 'topics', (_e, to) => ({ status: to })],
      [meetingMachine as never, 'meetings', (_e, to) => ({ status: to })],
      [taskMachine as never, 'tasks', (_e, to) => ({ status: to })],
      [partyMachine as never, 'tasks', () => ({})],
      [projectMachine as never, 'projects', (_e, to) => ({ status: to })],
      [
        evaluationMachine as never,
        'followUps',
        (e) => ({ kind: e.startsWith('callback') ? 'callback' : 'progress' }),
      ],
    ];
    for (const [machine, collection, rowOf] of cases) {
      for (const rule of machine.rules) {
        for (const from of rule.from) {
          const action = writeActionFor(collection, false, rowOf(rule.event, rule.to ?? from));
          for (const role of rule.roles) {
            expect(
              can(actor(role), action, { scope: 'xg.gyj' }),
              `${machine.name} ${rule.event} ${role} ${action}`,
            ).toBe(true);
          }
        }
      }
    }
  });
});
