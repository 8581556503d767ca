import { useState } from 'react';
import { Button, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';

export interface Counts {
  yes: number;
  no: number;
  abstain: number;
}

const FIELDS = ['yes', 'no', 'abstain'] as const;

/** Three large number fields (赞成/反对/弃权) and one button; used for new counts and corrections. */
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
  const [counts, setCounts] = useState<Counts>(initial);
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
      <Typography sx={{ fontSize: '1.15rem', fontWeight: 700, width: 100, flexShrink: 0 }}>
        {label}
      </Typography>
      {FIELDS.map((field) => (
        <TextField
          key={field}
          type="number"
          label={t(`console.${field}`)}
          value={counts[field]}
          onChange={(e) =>
            setCounts({ ...counts, [field]: Math.max(0, Math.floor(Number(e.target.value) || 0)) })
          }
          onFocus={(e) => e.target.select()}
          sx={{ width: 110 }}
          slotProps={{
            htmlInput: { min: 0, 'data-testid': `${testId}-${field}`, style: { fontSize: '1.4rem' } },
          }}
        />
      ))}
      <Button
        variant="contained"
        onClick={() => void onSubmit(counts).then((ok) => ok && setCounts(initial))}
        data-testid={`${testId}-submit`}
      >
        {action}
      </Button>
    </Stack>
  );
}
