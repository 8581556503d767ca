import { useMemo } from 'react';
import { useDeviceSettings } from '../../db/SettingsContext';
import type { Who } from './actions';

/** This device acting in its role for its home scope (the actor of `can()` and the commands). */
export function useWho(): Who {
  const settings = useDeviceSettings();
  return useMemo(
    () => ({
      actor: { id: settings.deviceId, role: settings.role, scope: settings.homeScope },
      deviceId: settings.deviceId,
    }),
    [settings.deviceId, settings.role, settings.homeScope],
  );
}
