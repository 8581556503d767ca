import { useState, type ChangeEvent } from 'react';
import { TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { FIELD_YEARS, readDateTimeInput, type DateTimeReading } from '#shared/domain/calendar/index';
import { toBeijingInput } from './beijing-time';
import './strings';

export interface DateTimeFieldProps {
  label: string;
  /** The instant shown (in Beijing time), or undefined for none. */
  value: string | undefined;
  /** Called with each complete, real time; never while incomplete or wrong. */
  onChange(instant: string | undefined): void;
  /** Said under the field while it holds no complete time (e.g. "请填写完整的日期和时间"). */
  incompleteText?: string;
  disabled?: boolean;
  testId?: string;
  sx?: object;
}

/** A Beijing date and time typed or picked, with the same rules as `DateField`. */
export function DateTimeField({
  label,
  value,
  onChange,
  incompleteText,
  disabled,
  testId,
  sx,
}: DateTimeFieldProps) {
  const { t } = useTranslation('kit');
  const [text, setText] = useState(value ? toBeijingInput(value) : '');
  const [reading, setReading] = useState<DateTimeReading | null>(null);
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    const typed = readDateTimeInput(text);
    const typedValue = typed.kind === 'instant' ? typed.instant : typed.kind === 'empty' ? undefined : null;
    if (typedValue !== value) {
      setText(value ? toBeijingInput(value) : '');
      setReading(null);
    }
  }
  const handle = (e: ChangeEvent<HTMLInputElement>) => {
    const next = readDateTimeInput(e.target.value, e.target.validity.badInput);
    setText(e.target.value);
    setReading(next);
    if (next.kind === 'instant') onChange(next.instant);
    else if (next.kind === 'empty') onChange(undefined);
  };
  const refusal =
    reading?.kind === 'yearOutOfRange'
      ? t('date.yearOutOfRange', { year: reading.year, first: FIELD_YEARS.first, last: FIELD_YEARS.last })
      : reading?.kind === 'impossible'
        ? t('date.impossible')
        : undefined;
  const waiting =
    incompleteText !== undefined && (reading ? reading.kind !== 'instant' : value === undefined);
  const message = refusal ?? (waiting ? incompleteText : undefined);
  return (
    <TextField
      type="datetime-local"
      label={label}
      value={text}
      onChange={handle}
      error={message !== undefined}
      helperText={message ?? t('date.beijing')}
      disabled={disabled}
      sx={sx}
      slotProps={{
        inputLabel: { shrink: true },
        htmlInput: {
          min: `${FIELD_YEARS.first}-01-01T00:00`,
          max: `${FIELD_YEARS.last}-12-31T23:59`,
          ...(testId ? { 'data-testid': testId } : {}),
        },
      }}
    />
  );
}
