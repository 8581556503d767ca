import type { ReactNode } from 'react';
import { Box } from '@mui/material';
import { useTranslation } from 'react-i18next';
import './strings';

// Residents' personal fields (the schemas' `pii` marks) that the hub never sends a device whose
// role lacks `pii.read`: an empty cell would read as "not recorded", so the field says it is
// withheld instead.

/** 仅授权人员可见, in place of a personal field this device may not read. */
export function Withheld() {
  const { t } = useTranslation('kit');
  return (
    <Box component="span" data-withheld="true" sx={{ color: 'text.secondary', fontStyle: 'italic' }}>
      {t('pii.withheld')}
    </Box>
  );
}

/**
 * What to show for a personal field: its value when there is one; 仅授权人员可见 when the device
 * may not read such fields (the hub withholds them); nothing when it may and none was recorded.
 */
export function piiCell(value: string | undefined, readable: boolean): ReactNode {
  if (value !== undefined && value !== '') return value;
  return readable ? undefined : <Withheld />;
}
