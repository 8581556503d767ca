import { useState, type ChangeEvent } from 'react';
import { TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { FIELD_YEARS, readDateInput, type DateReading } from '#shared/domain/calendar/index';
import './strings';

export interface DateFieldProps {
  label: string;
  /** `YYYY-MM-DD` (a Beijing calendar day) or undefined for none. */
  value: string | undefined;
  /** Called with a real date, or undefined when the field is emptied; never while incomplete or wrong. */
  onChange(date: string | undefined): void;
  /** A problem the caller sees (a range that ends before it starts), shown under the field. */
  problem?: string;
  helperText?: string;
  disabled?: boolean;
  testId?: string;
  fullWidth?: boolean;
  sx?: object;
}

/**
 * A date typed or picked: an incomplete date waits without a word, an absurd year or a day that
 * does not exist is refused with a message and the last good value stays in force.
 */
export function DateField({
  label,
  value,
  onChange,
  problem,
  helperText,
  disabled,
  testId,
  fullWidth,
  sx,
}: DateFieldProps) {
  const { t } = useTranslation('kit');
  const [text, setText] = useState(value ?? '');
  const [reading, setReading] = useState<DateReading | null>(null);
  const [seen, setSeen] = useState(value);
  // A value set from outside (a "clear filters" button) replaces what was typed; the value this
  // field reported itself does not.
  if (seen !== value) {
    setSeen(value);
    const typed = readDateInput(text);
    const typedValue = typed.kind === 'date' ? typed.date : typed.kind === 'empty' ? undefined : null;
    if (typedValue !== value) {
      setText(value ?? '');
      setReading(null);
    }
  }
  const handle = (e: ChangeEvent<HTMLInputElement>) => {
    const next = readDateInput(e.target.value, e.target.validity.badInput);
    setText(e.target.value);
    setReading(next);
    if (next.kind === 'date') onChange(next.date);
    else if (next.kind === 'empty') onChange(undefined);
  };
  const refusal =
    reading?.kind === 'yearOutOfRange'
      ? t('date.yearOutOfRange', { year: reading.year, first: FIELD_YEARS.first, last: FIELD_YEARS.last })
      : reading?.kind === 'impossible'
        ? t('date.impossible')
        : undefined;
  const message = refusal ?? problem;
  return (
    <TextField
      type="date"
      label={label}
      value={text}
      onChange={handle}
      error={message !== undefined}
      helperText={message ?? helperText}
      disabled={disabled}
      fullWidth={fullWidth}
      sx={sx}
      slotProps={{
        inputLabel: { shrink: true },
        htmlInput: {
          min: `${FIELD_YEARS.first}-01-01`,
          max: `${FIELD_YEARS.last}-12-31`,
          ...(testId ? { 'data-testid': testId } : {}),
        },
      }}
    />
  );
}
