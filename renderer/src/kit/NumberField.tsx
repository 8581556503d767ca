import { useState, type ChangeEvent } from 'react';
import { TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { readWholeNumber, type WholeNumberReading } from '#shared/domain/calendar/index';
import './strings';

export interface NumberFieldProps {
  label: string;
  value: number;
  min: number;
  max: number;
  /** Called with each whole number within [min, max]; anything else is refused with a message. */
  onChange(value: number): void;
  disabled?: boolean;
  testId?: string;
  sx?: object;
  /** Style of the digits (large counts at a meeting). */
  inputStyle?: object;
  selectOnFocus?: boolean;
}

/**
 * A whole number (minutes, counts, days). Digits only: a browser's number field also takes
 * 1e999 or a lone minus, which once travelled as Infinity into documents.
 */
export function NumberField({
  label,
  value,
  min,
  max,
  onChange,
  disabled,
  testId,
  sx,
  inputStyle,
  selectOnFocus,
}: NumberFieldProps) {
  const { t } = useTranslation('kit');
  const [text, setText] = useState(String(value));
  const [reading, setReading] = useState<WholeNumberReading | null>(null);
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    if (readWholeNumber(text, min, max).kind !== 'number' || Number(text) !== value) {
      setText(String(value));
      setReading(null);
    }
  }
  const handle = (e: ChangeEvent<HTMLInputElement>) => {
    const next = readWholeNumber(e.target.value, min, max);
    setText(e.target.value);
    setReading(next);
    if (next.kind === 'number') onChange(next.value);
  };
  const message =
    reading?.kind === 'notWhole'
      ? t('number.notWhole')
      : reading?.kind === 'outOfRange'
        ? t('number.outOfRange', { min, max })
        : reading?.kind === 'empty'
          ? t('number.empty')
          : undefined;
  return (
    <TextField
      label={label}
      value={text}
      onChange={handle}
      // What was left wrong goes back to the value in force.
      onBlur={() => {
        if (reading && reading.kind !== 'number') {
          setText(String(value));
          setReading(null);
        }
      }}
      onFocus={selectOnFocus ? (e) => e.target.select() : undefined}
      error={message !== undefined}
      helperText={message}
      disabled={disabled}
      sx={sx}
      slotProps={{
        htmlInput: {
          inputMode: 'numeric',
          ...(inputStyle ? { style: inputStyle } : {}),
          ...(testId ? { 'data-testid': testId } : {}),
        },
      }}
    />
  );
}
