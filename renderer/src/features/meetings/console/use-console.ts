import { useCallback, useState } from 'react';
import type { ConsoleCommand } from '#shared/domain/meetings/index';
import type { MeetingDoc, MeetingRecordDoc } from '#shared/schema/index';
import { useDatabase } from '../../../db/DatabaseContext';
import { runConsole } from '../actions';
import { useWho } from '../use-who';
import { defaultPlace, type Refusal } from './refusal';

/** Runs console commands against the live record; a refusal is kept for the control that caused it. */
export function useConsole(meeting: MeetingDoc, records: readonly MeetingRecordDoc[]) {
  const db = useDatabase();
  const who = useWho();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const run = useCallback(
    async (command: ConsoleCommand, at?: string): Promise<boolean> => {
      const outcome = await runConsole(db, who, meeting, records, command);
      setRefusal((previous) =>
        outcome.ok
          ? null
          : {
              message: outcome.message,
              at: at ?? defaultPlace(command),
              serial: (previous?.serial ?? 0) + 1,
            },
      );
      return outcome.ok;
    },
    [db, who, meeting, records],
  );
  const clear = useCallback(() => setRefusal(null), []);
  return { run, refusal, clear, setRefusal };
}

export type ConsoleRun = (command: ConsoleCommand, at?: string) => Promise<boolean>;
