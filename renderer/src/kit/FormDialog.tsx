import { useId, useState, type ReactNode } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Typography,
} from '@mui/material';

/**
 * A dialog that takes a few fields and submits them once: the submit button says why it cannot be
 * pressed yet, is held while the write runs, and a refusal (the command's Chinese reason, or a
 * failed write) shows inside the dialog, announced to screen readers, with everything typed
 * still there. A successful submit closes the dialog.
 */
export function FormDialog({
  title,
  children,
  submitLabel,
  cancelLabel,
  onSubmit,
  onClose,
  why,
  busy = false,
  maxWidth = 'sm',
  testId,
  submitTestId,
}: {
  title: string;
  children: ReactNode;
  submitLabel: string;
  cancelLabel: string;
  /** Writes what was entered: a refusal to show, or nothing when it was saved. */
  onSubmit: () => Promise<string | null | undefined | void>;
  onClose: () => void;
  /** Why the form cannot be submitted yet (shown beside the buttons), or nothing. */
  why?: string | null | false;
  /** Something else holds the submit (e.g. photos still being compressed). */
  busy?: boolean;
  maxWidth?: 'xs' | 'sm' | 'md' | 'lg';
  testId?: string;
  submitTestId?: string;
}) {
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    setSaving(true);
    setError(null);
    try {
      const refusal = await onSubmit();
      if (refusal) setError(refusal);
      else onClose();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  };
  const reason = why || null;
  const titleId = useId();
  return (
    <Dialog
      open
      onClose={onClose}
      fullWidth
      maxWidth={maxWidth}
      aria-labelledby={titleId}
      data-testid={testId}
    >
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {children}
          {error && (
            <Alert severity="error" role="alert">
              {error}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2, gap: 1 }}>
        {reason && <Typography sx={{ color: 'text.secondary', mr: 'auto' }}>{reason}</Typography>}
        <Button onClick={onClose}>{cancelLabel}</Button>
        <Button
          variant="contained"
          disabled={reason !== null || saving || busy}
          onClick={() => void submit()}
          data-testid={submitTestId}
        >
          {submitLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
