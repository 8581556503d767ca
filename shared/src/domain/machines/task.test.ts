import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PARTY_EVENTS, PARTY_STATES, type PartyState } from '#shared/domain/vocab';
import {
  applyPartyEvent,
  deriveTaskState,
  resetParties,
  type TaskParty,
} from '#shared/domain/machines/index';

const at = '2026-11-20T02:00:00.000Z';
const party = (partyId: string, state: PartyState = 'pending'): TaskParty => ({
  partyId,
  name: partyId,
  kind: 'propertyCompany',
  state,
  updatedAt: '2026-11-01T00:00:00.000Z',
});
const staff = { role: 'street-staff' } as const;

describe('task state derived from parties', () => {
  it('follows the parties', () => {
    expect(deriveTaskState([party('a'), party('b')], 'assigned')).toBe('assigned');
    expect(deriveTaskState([party('a', 'accepted'), party('b')], 'assigned')).toBe('inProgress');
    // A returned share is never hidden behind the others' progress: 待重新交办 until reassigned.
    expect(deriveTaskState([party('a', 'finished'), party('b', 'declined')], 'inProgress')).toBe('declined');
    expect(deriveTaskState([party('a', 'accepted'), party('b', 'declined')], 'inProgress')).toBe('declined');
    expect(deriveTaskState([party('a', 'finished'), party('b', 'redirected')], 'inProgress')).toBe(
      'finished',
    );
    expect(deriveTaskState([party('a', 'redirected'), party('b', 'redirected')], 'inProgress')).toBe(
      'redirected',
    );
    expect(deriveTaskState([party('a', 'redirected'), party('b')], 'reopened')).toBe('reopened');
    expect(deriveTaskState([party('a', 'declined'), party('b', 'declined')], 'inProgress')).toBe('declined');
    expect(deriveTaskState([party('a', 'finished')], 'withdrawn')).toBe('withdrawn');
    expect(deriveTaskState([party('a'), party('b')], 'reopened')).toBe('reopened');
    expect(deriveTaskState([party('a', 'finished')], 'closed')).toBe('closed');
    expect(deriveTaskState([], 'assigned')).toBe('assigned');
  });

  it('is returned while any share is declined, else open while any party works, and never invents a finish', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PARTY_STATES), { minLength: 1, maxLength: 6 }), (states) => {
        const derived = deriveTaskState(
          states.map((s, i) => party(`p${i}`, s)),
          'inProgress',
        );
        const returned = states.includes('declined');
        const open = states.some((s) => s === 'pending' || s === 'accepted');
        expect(derived === 'declined').toBe(returned);
        if (open && !returned) expect(['assigned', 'inProgress']).toContain(derived);
        if (derived === 'finished') expect(states).toContain('finished');
      }),
    );
  });
});

describe('applyPartyEvent', () => {
  const task = { status: 'assigned' as const, parties: [party('wuye'), party('chanquan')] };

  it('records a decline with its reason as an outcome', () => {
    const declined = applyPartyEvent(task, 'chanquan', 'decline', {
      actor: staff,
      at,
      artefacts: { reason: '不属于产权单位职责' },
    });
    expect(declined.ok).toBe(true);
    if (!declined.ok) return;
    expect(declined.parties[1]).toMatchObject({
      state: 'declined',
      reason: '不属于产权单位职责',
      updatedAt: at,
    });
    expect(declined.status).toBe('declined');
    // The other party works on meanwhile; the task stays 待重新交办 until the share is reassigned.
    const accepted = applyPartyEvent(
      { status: declined.status, parties: declined.parties },
      'wuye',
      'accept',
      { actor: staff, at },
    );
    expect(accepted.ok && accepted.status).toBe('declined');
    if (!accepted.ok) return;
    const reassigned = applyPartyEvent(
      { status: accepted.status, parties: accepted.parties },
      'chanquan',
      'reassign',
      { actor: staff, at, artefacts: { reason: '改由街道城管科办理' } },
    );
    expect(reassigned.ok && reassigned.status).toBe('inProgress');
    if (!reassigned.ok) return;
    const finished = applyPartyEvent(
      { status: reassigned.status, parties: reassigned.parties.filter((p) => p.partyId === 'wuye') },
      'wuye',
      'finish',
      {
        actor: staff,
        at,
        artefacts: { completionNote: '已清理' },
      },
    );
    expect(finished).toMatchObject({
      ok: true,
      status: 'finished',
      effects: [{ type: 'stamp', field: 'finishedAt' }],
    });
  });

  it('redirects only with a reason and a new party', () => {
    expect(
      applyPartyEvent(task, 'wuye', 'redirect', { actor: staff, at, artefacts: { reason: '属于供暖公司' } }),
    ).toMatchObject({
      ok: false,
      code: 'missingArtefact',
    });
    const ok = applyPartyEvent(task, 'wuye', 'redirect', {
      actor: staff,
      at,
      artefacts: { reason: '属于供暖公司', redirectedTo: '热力公司' },
    });
    expect(ok.ok && ok.parties[0]).toMatchObject({ state: 'redirected', redirectedTo: '热力公司' });
  });

  it('refuses unknown parties, wrong roles and closed tasks', () => {
    expect(applyPartyEvent(task, 'nobody', 'accept', { actor: staff, at })).toMatchObject({
      ok: false,
      code: 'guardFailed',
    });
    expect(applyPartyEvent(task, 'wuye', 'accept', { actor: { role: 'viewer' }, at })).toMatchObject({
      code: 'roleNotAllowed',
    });
    expect(
      applyPartyEvent({ ...task, status: 'closed' }, 'wuye', 'accept', { actor: staff, at }),
    ).toMatchObject({ ok: false });
  });

  it('never changes another party and keeps the derived state consistent', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.constantFrom(...PARTY_EVENTS)), {
          maxLength: 20,
        }),
        (steps) => {
          let current = {
            status: 'assigned' as TaskParty['state'] | string,
            parties: [party('a'), party('b'), party('c')],
          };
          for (const [index, event] of steps) {
            const partyId = `${'abc'[index]}`;
            const result = applyPartyEvent(current as never, partyId, event, {
              actor: staff,
              at,
              artefacts: { reason: '原因', redirectedTo: '他方', completionNote: '完成' },
            });
            if (!result.ok) continue;
            result.parties.forEach((p, i) => {
              if (p.partyId !== partyId) expect(p).toBe(current.parties[i]);
            });
            expect(result.status).toBe(deriveTaskState(result.parties, current.status as never));
            current = { status: result.status, parties: result.parties };
          }
        },
      ),
    );
  });

  it('resets every party when a task is reopened', () => {
    const parties = resetParties(
      [{ ...party('a', 'declined'), reason: '不归我管' }, party('b', 'finished')],
      at,
    );
    expect(parties.map((p) => p.state)).toEqual(['pending', 'pending']);
    expect(parties[0]).not.toHaveProperty('reason');
    expect(deriveTaskState(parties, 'reopened')).toBe('reopened');
  });
});
