import type { ComponentProps } from 'react';
import { TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { showsCounter, textLength } from '#shared/domain/ledger/index';
import './strings';

type Props = Omit<ComponentProps<typeof TextField>, 'value' | 'error'> & {
  value: string;
  /** Characters allowed, as the schema counts them. */
  limit: number;
  /** A problem of the caller's (e.g. a missing value), shown instead of the hint. */
  problem?: string | undefined;
};

/**
 * A text field that never cuts what was typed or pasted: near its limit it shows how many
 * characters are used, beyond it says by how much, and the form refuses to save.
 */
export function CountedTextField({ value, limit, problem, helperText, ...rest }: Props) {
  const { t } = useTranslation('kit');
  const length = textLength(value.trim());
  const over = length - limit;
  const counter = showsCounter(length, limit) ? t('text.counter', { length, limit }) : null;
  const message = over > 0 ? t('text.tooLong', { limit, over }) : problem;
  const hint =
    message ?? (counter && helperText ? `${String(helperText)}（${counter}）` : (counter ?? helperText));
  return <TextField {...rest} value={value} error={message !== undefined} helperText={hint} />;
}
