import type { ActorRole, DeviceKind, PlaceKind } from './vocab';

/**
 * A device that works alone (no hub yet) acts in the role that fits its use; once enrolled, the
 * hub's role and scope replace these.
 */
export function defaultRoleFor(kind: DeviceKind): ActorRole {
  switch (kind) {
    case 'streetOffice':
      return 'street-staff';
    case 'hallPc':
      return 'community-worker';
    case 'fieldLaptop':
      return 'leader';
  }
}

/** The place kinds a device of this use may take as its home place. */
export function homePlaceKindsFor(kind: DeviceKind): readonly PlaceKind[] {
  switch (kind) {
    case 'streetOffice':
      return ['street'];
    case 'hallPc':
      return ['community'];
    case 'fieldLaptop':
      return ['community', 'courtyard'];
  }
}

/** A street code becomes the root of every materialised path: short lowercase latin letters. */
export const STREET_CODE_PATTERN = /^[a-z][a-z0-9]{1,15}$/;
