import { useCallback, useState } from 'react';
import type { ConsoleCommand } from '#shared/domain/meetings/index';
import type { MeetingDoc, MeetingRecordDoc } from '#shared/schema/index';
import { useDatabase } from '../../../app/DatabaseContext';
import { runConsole } from '../actions';
import { useWho } from '../use-who';

/** Runs console commands against the live record; a refusal is kept for the alert on top. */
export function useConsole(meeting: MeetingDoc, records: readonly MeetingRecordDoc[]) {
  const db = useDatabase();
  const who = useWho();
  const [refusal, setRefusal] = useState<string | null>(null);
  const run = useCallback(
    async (command: ConsoleCommand): Promise<boolean> => {
      const outcome = await runConsole(db, who, meeting, records, command);
      setRefusal(outcome.ok ? null : outcome.message);
      return outcome.ok;
    },
    [db, who, meeting, records],
  );
  return { run, refusal, clearRefusal: () => setRefusal(null) };
}

export type ConsoleRun = (command: ConsoleCommand) => Promise<boolean>;
