import { useState } from 'react';
import { Button, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { RefusalNote } from './refusal';

export interface Counts {
  yes: number;
  no: number;
  abstain: number;
}

const FIELDS = ['yes', 'no', 'abstain'] as const;
type Typed = Record<(typeof FIELDS)[number], string>;

// What was typed goes to the shared rules as it is, so −3 or 2.5 is refused there with a message
// instead of quietly becoming 0 here. An empty field is a zero.
const asNumber = (text: string) => (text.trim() === '' ? 0 : Number(text));
const typedOf = (c: Counts): Typed => ({ yes: String(c.yes), no: String(c.no), abstain: String(c.abstain) });

/** Three large number fields (赞成/反对/弃权) and one button, with its refusal beneath; for new counts and corrections. */
export function CountRow({
  label,
  testId,
  initial = { yes: 0, no: 0, abstain: 0 },
  action,
  onSubmit,
}: {
  label: string;
  testId: string;
  initial?: Counts;
  action: string;
  onSubmit: (counts: Counts) => Promise<boolean>;
}) {
  const { t } = useTranslation('meetings');
  const [typed, setTyped] = useState<Typed>(() => typedOf(initial));
  const counts: Counts = {
    yes: asNumber(typed.yes),
    no: asNumber(typed.no),
    abstain: asNumber(typed.abstain),
  };
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Typography sx={{ fontSize: '1.15rem', fontWeight: 700, width: 100, flexShrink: 0 }}>
          {label}
        </Typography>
        {FIELDS.map((field) => (
          <TextField
            key={field}
            type="number"
            label={t(`console.${field}`)}
            value={typed[field]}
            onChange={(e) => setTyped({ ...typed, [field]: e.target.value })}
            onFocus={(e) => e.target.select()}
            sx={{ width: 110 }}
            slotProps={{
              htmlInput: { min: 0, 'data-testid': `${testId}-${field}`, style: { fontSize: '1.4rem' } },
            }}
          />
        ))}
        <Button
          variant="contained"
          onClick={() => void onSubmit(counts).then((ok) => ok && setTyped(typedOf(initial)))}
          data-testid={`${testId}-submit`}
        >
          {action}
        </Button>
      </Stack>
      <RefusalNote at={testId} />
    </Stack>
  );
}
