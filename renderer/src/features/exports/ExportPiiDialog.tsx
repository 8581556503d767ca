import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  Radio,
  RadioGroup,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { addStrings } from '../../kit/i18n';

const zh = {
  title: '导出含居民个人信息',
  intro: '这份导出包含居民的姓名、电话或住址。请选择导出方式：',
  masked: '脱敏导出（推荐）：电话显示为 138****0001，住址只到楼栋',
  full: '完整导出：含完整电话和住址，将记入操作日志',
  fullDenied: '完整导出需要“查看个人敏感信息”和“导出个人敏感信息”权限，本机当前角色没有。',
  cancel: '取消',
  confirm: '导出',
};

const en: typeof zh = {
  title: "Export with residents' personal data",
  intro: "This export holds residents' names, phones or addresses. Choose how to export:",
  masked: 'Masked (recommended): phones as 138****0001, addresses down to the building',
  full: 'Full: complete phones and addresses, recorded in the audit trail',
  fullDenied:
    "A full export needs the permissions to read and to export personal data; this device's role has neither.",
  cancel: 'Cancel',
  confirm: 'Export',
};

addStrings('exportPii', zh, en);

declare module '../../kit/i18n' {
  interface YishiResources {
    exportPii: typeof zh;
  }
}

export interface ExportPiiDialogProps {
  open: boolean;
  /** Whether this actor may export personal data in full (`pii.read` and `export.pii`). */
  fullAllowed: boolean;
  onCancel: () => void;
  onExport: (full: boolean) => void;
}

/** Asks before an export that holds residents' personal data; masked is the default. */
export function ExportPiiDialog({ open, fullAllowed, onCancel, onExport }: ExportPiiDialogProps) {
  const { t } = useTranslation('exportPii');
  const [choice, setChoice] = useState<'masked' | 'full'>('masked');
  const close = () => {
    setChoice('masked');
    onCancel();
  };
  return (
    <Dialog open={open} onClose={close} aria-labelledby="export-pii-title">
      <DialogTitle id="export-pii-title">{t('title')}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 1 }}>{t('intro')}</DialogContentText>
        <RadioGroup
          value={choice}
          onChange={(e) => setChoice(e.target.value as 'masked' | 'full')}
          aria-label={t('title')}
        >
          <FormControlLabel value="masked" control={<Radio />} label={t('masked')} />
          <FormControlLabel value="full" control={<Radio />} label={t('full')} disabled={!fullAllowed} />
        </RadioGroup>
        {!fullAllowed && (
          <Typography color="text.secondary" sx={{ mt: 1 }}>
            {t('fullDenied')}
          </Typography>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>{t('cancel')}</Button>
        <Button
          variant="contained"
          onClick={() => {
            const full = choice === 'full' && fullAllowed;
            setChoice('masked');
            onExport(full);
          }}
        >
          {t('confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
