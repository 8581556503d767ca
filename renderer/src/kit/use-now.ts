import { useEffect, useState } from 'react';

const now = () => new Date().toISOString();

/** The current time, refreshed every `intervalMs`: deadlines and overdue marks move while a board stays open. */
export function useNow(intervalMs = 30_000): string {
  const [current, setCurrent] = useState(now);
  useEffect(() => {
    const timer = window.setInterval(() => setCurrent(now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return current;
}
