import { useId } from 'react';
import { Button, Stack, Typography, type ButtonProps } from '@mui/material';

/**
 * A button that says why it cannot be pressed: with a reason (`why`) it is disabled and the reason
 * shows right below it, tied to it by aria-describedby, so a person (and a screen reader) learns
 * what to do instead of guessing. Without a reason it is an ordinary button.
 */
export function ReasonedButton({
  why,
  disabled,
  whyTestId,
  ...props
}: ButtonProps & { why?: string | null | false; whyTestId?: string }) {
  const id = useId();
  const reason = why || null;
  if (!reason) return <Button {...props} disabled={disabled} />;
  return (
    <Stack sx={{ alignItems: 'flex-start', gap: 0.25 }}>
      <Button {...props} disabled aria-describedby={id} />
      <Typography
        id={id}
        variant="body2"
        sx={{ color: 'text.secondary', maxWidth: 320 }}
        data-testid={whyTestId}
      >
        {reason}
      </Typography>
    </Stack>
  );
}
