import { addHours } from '#shared/domain/calendar/index';

/** `YYYY-MM-DD HH:mm` in Beijing time, as people read dates on paper. */
export function formatDateTime(iso: string): string {
  return addHours(iso, 8).slice(0, 16).replace('T', ' ');
}

export function formatDate(iso: string): string {
  return addHours(iso, 8).slice(0, 10);
}
