import { Chip } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { MeetingState } from '#shared/domain/vocab';

const COLOR: Record<MeetingState, 'default' | 'primary' | 'secondary' | 'success' | 'warning' | 'error'> = {
  draft: 'default',
  noticed: 'secondary',
  inProgress: 'primary',
  adjourned: 'warning',
  minutesDrafted: 'warning',
  minutesApproved: 'success',
  published: 'success',
  cancelled: 'default',
};

export function StateChip({ state }: { state: MeetingState }) {
  const { t } = useTranslation('meetings');
  return <Chip label={t(`states.${state}`)} color={COLOR[state]} data-testid="meeting-state" />;
}
