import { addHours } from '#shared/domain/calendar/index';
import type { WorkingCalendar } from '#shared/domain/calendar/index';
import type { DemandCategory, Urgency } from '#shared/domain/vocab';

/** Categories where a delay endangers people: handled as urgent even when recorded as normal. */
export const SAFETY_CATEGORIES = ['safetyFire'] as const satisfies readonly DemandCategory[];

export interface DueInput {
  receivedAt: string;
  urgency: Urgency;
  category: DemandCategory;
  vulnerable: boolean;
}

export type DueRule = { kind: 'hours'; hours: number } | { kind: 'workingDays'; days: number };

/**
 * The response deadline of a demand (接诉即办): 特急 within 24 hours whatever the calendar says;
 * 紧急 (and any safety matter) within 1 working day; a vulnerable resident's demand within 3 working
 * days; everything else within 5 working days.
 */
export function dueRule(input: Omit<DueInput, 'receivedAt'>): DueRule {
  if (input.urgency === 'critical') return { kind: 'hours', hours: 24 };
  if (input.urgency === 'urgent' || (SAFETY_CATEGORIES as readonly string[]).includes(input.category))
    return { kind: 'workingDays', days: 1 };
  if (input.vulnerable) return { kind: 'workingDays', days: 3 };
  return { kind: 'workingDays', days: 5 };
}

export function dueAtFor(input: DueInput, calendar: WorkingCalendar): string {
  const rule = dueRule(input);
  return rule.kind === 'hours'
    ? addHours(input.receivedAt, rule.hours)
    : calendar.addWorkingDays(input.receivedAt, rule.days);
}
