import type { ReactNode } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';

/**
 * Asks before a step that cannot be taken back. Cancel is the default and leaves everything as
 * it was; the confirming button names the step itself ("确认散会"), never a bare "确定".
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirm,
  cancel,
  onConfirm,
  onCancel,
  confirmDisabled = false,
  testId,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirm: string;
  cancel: string;
  onConfirm: () => void;
  onCancel: () => void;
  confirmDisabled?: boolean;
  testId?: string;
}) {
  return (
    <Dialog open={open} onClose={onCancel} maxWidth="sm" fullWidth data-testid={testId}>
      <DialogTitle sx={{ fontSize: '1.4rem' }}>{title}</DialogTitle>
      <DialogContent>{children}</DialogContent>
      <DialogActions sx={{ p: 2, gap: 1 }}>
        <Button size="large" onClick={onCancel} autoFocus>
          {cancel}
        </Button>
        <Button size="large" variant="contained" onClick={onConfirm} disabled={confirmDisabled}>
          {confirm}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
