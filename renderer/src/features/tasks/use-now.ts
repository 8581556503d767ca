import { useEffect, useState } from 'react';
import { nowIso } from '../../db/ids';

/** The current time, refreshed every `intervalMs` (deadlines move while a board stays open). */
export function useNow(intervalMs = 30_000): string {
  const [now, setNow] = useState(nowIso);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(nowIso()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}
