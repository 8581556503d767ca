import { useEffect, useState } from 'react';
import { navigate, setLeaveGuard } from './router';

/**
 * While `dirty`, leaving asks first: closing or reloading the page gets the browser's own
 * question, in-app navigation holds the path for the caller's dialog (`pending`), which then
 * calls `leave()` or `stay()`.
 */
export function useLeaveGuard(dirty: boolean) {
  const [pending, setPending] = useState<string | null>(null);
  useEffect(() => {
    if (!dirty) return undefined;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium (and Electron's) still need returnValue set to ask.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    setLeaveGuard((path) => (setPending(path), false));
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      setLeaveGuard(null);
    };
  }, [dirty]);
  return {
    pending,
    stay: () => setPending(null),
    leave: () => {
      const path = pending;
      setPending(null);
      if (path !== null) navigate(path, { force: true });
    },
  };
}
