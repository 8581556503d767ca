// The intake form's own state, apart from React: the defaults remembered from the last entry and
// an empty draft. What a draft means (suggestion, validation, the demand it becomes) is shared.
import { DEMAND_SOURCES, type DemandSource } from '#shared/domain/vocab';
import type { IntakeDraft } from '#shared/domain/ledger/index';

export {
  effectiveCategory,
  suggestCategory,
  validateDraft,
  type IntakeDraft,
  type IntakeError,
  type IntakeField,
} from '#shared/domain/ledger/index';

/** What the next entry starts with: a visit records several demands at one place in a row. */
export interface Remembered {
  placeScope: string | null;
  source: DemandSource;
}

export const DEFAULT_REMEMBERED: Remembered = { placeScope: null, source: 'visit' };

export function parseRemembered(raw: string | null): Remembered {
  if (!raw) return DEFAULT_REMEMBERED;
  try {
    const value = JSON.parse(raw) as Partial<Record<keyof Remembered, unknown>>;
    const source = (DEMAND_SOURCES as readonly unknown[]).includes(value.source)
      ? (value.source as DemandSource)
      : DEFAULT_REMEMBERED.source;
    const placeScope = typeof value.placeScope === 'string' ? value.placeScope : null;
    return { placeScope, source };
  } catch {
    return DEFAULT_REMEMBERED;
  }
}

export function emptyDraft(remembered: Remembered): IntakeDraft {
  return {
    placeScope: remembered.placeScope,
    description: '',
    type: 'help',
    category: '',
    source: remembered.source,
    urgency: 'normal',
    vulnerable: false,
    title: '',
    reporterName: '',
    reporterPhone: '',
    addressDetail: '',
    duplicateOf: null,
  };
}
