import { createContext, useContext, useEffect, useRef } from 'react';
import { Alert } from '@mui/material';
import type { ConsoleCommand } from '#shared/domain/meetings/index';

// A refused entry is answered beside the control that made it, never at the top of a long page
// where the clerk does not look; role="alert" has screen readers announce it.

export interface Refusal {
  readonly message: string;
  /** Where the refused control sits: the place key of its panel or row. */
  readonly at: string;
  /** Counts up per refusal, so the same message twice is shown (and announced) twice. */
  readonly serial: number;
}

/** The panel a command's refusal appears in when its control names no place of its own. */
export function defaultPlace(command: ConsoleCommand): string {
  switch (command.type) {
    case 'signIn':
    case 'walkIn':
    case 'proxy':
    case 'void':
      return 'signIn';
    case 'startItem':
    case 'endItem':
      return 'agenda';
    case 'queueSpeaker':
    case 'startSpeaker':
    case 'endSpeaker':
      return 'speakers';
    case 'recordCount':
      return `count-${command.origin}`;
    case 'openVote':
    case 'correctCount':
    case 'consensus':
    case 'closeVote':
      return 'vote';
    case 'recordDecision':
    case 'correctDecision':
      return 'decision';
  }
}

export const RefusalContext = createContext<{ refusal: Refusal | null; clear: () => void }>({
  refusal: null,
  clear: () => undefined,
});

/** The refusal of the control at `at`, if the last entry made there was refused. */
export function RefusalNote({ at }: { at: string }) {
  const { refusal, clear } = useContext(RefusalContext);
  const ref = useRef<HTMLDivElement>(null);
  const shown = refusal?.at === at ? refusal : null;
  useEffect(() => {
    if (shown) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [shown]);
  if (!shown) return null;
  return (
    <Alert
      ref={ref}
      role="alert"
      severity="error"
      onClose={clear}
      data-testid={`refusal-${at}`}
      sx={{ fontSize: '1.15rem', scrollMarginTop: 200 }}
    >
      {shown.message}
    </Alert>
  );
}
