import type { ActorRole } from '#shared/domain/vocab';

// Role groups the transition tables are written with. The recorder only writes meeting records
// and the viewer only reads, so neither appears in any lifecycle transition.

export const STREET_ONLY: readonly ActorRole[] = ['street-staff'];
export const STAFF: readonly ActorRole[] = ['street-staff', 'community-worker'];
export const HALL: readonly ActorRole[] = [...STAFF, 'hall-chair'];
export const FIELD: readonly ActorRole[] = [...HALL, 'leader'];
export const STAFF_AND_LEADERS: readonly ActorRole[] = [...STAFF, 'leader'];
