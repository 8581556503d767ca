import { ButtonBase, Typography } from '@mui/material';
import type { Figure } from '#shared/domain/reports/index';
import { useDrill } from './drill';

interface Props {
  figure: Figure;
  /** What the number counts, for the list's title. */
  label: string;
  /** The text shown; the figure's value by default. */
  text?: string;
  testId?: string;
  size?: 'large' | 'normal';
}

/** A number that opens the records it counts. */
export function FigureButton({ figure, label, text, testId, size = 'normal' }: Props) {
  const drill = useDrill();
  return (
    <ButtonBase
      onClick={() => drill(label, figure)}
      data-testid={testId}
      aria-label={`${label} ${text ?? figure.value}`}
      sx={{
        borderRadius: 1,
        px: 0.75,
        minHeight: size === 'large' ? 56 : 36,
        minWidth: 36,
        justifyContent: 'flex-start',
        color: 'secondary.main',
        '&:hover, &:focus-visible': { bgcolor: 'action.hover', textDecoration: 'underline' },
        '@media print': { color: 'inherit', minHeight: 0, px: 0 },
      }}
    >
      <Typography
        component="span"
        sx={{
          fontWeight: 700,
          fontVariantNumeric: 'tabular-nums',
          // Long numbers (money) step down so they stay inside their card.
          fontSize:
            size === 'large'
              ? (text ?? String(figure.value)).length > 8
                ? '1.625rem'
                : '2.25rem'
              : 'inherit',
          lineHeight: 1.2,
        }}
      >
        {text ?? figure.value}
      </Typography>
    </ButtonBase>
  );
}
