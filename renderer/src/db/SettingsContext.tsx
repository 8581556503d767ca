import { createContext, useContext } from 'react';
import type { DeviceSettings } from './settings';

export const SettingsContext = createContext<DeviceSettings | null>(null);

export function useDeviceSettings(): DeviceSettings {
  const settings = useContext(SettingsContext);
  if (!settings) throw new Error('useDeviceSettings() before first-run setup');
  return settings;
}
