import type { CommandContext } from '#shared/domain/commands/index';
import type { DeviceSettings } from './settings';
import { newId, nowIso } from './ids';

/** A command taken now on this device, by this device acting in its role for its home scope. */
export function commandContext(
  settings: Pick<DeviceSettings, 'deviceId' | 'role' | 'homeScope'>,
): CommandContext {
  return {
    actor: { id: settings.deviceId, role: settings.role, scope: settings.homeScope },
    deviceId: settings.deviceId,
    now: nowIso(),
    newId,
  };
}
