import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import '../strings-hall';

/**
 * Asked when a voting member (a resident representative, say) is made the chair: do they keep
 * their vote while chairing? The answer is recorded with the meeting and printed in the minutes.
 */
export function ChairVoteDialog({
  name,
  role,
  onAnswer,
  onCancel,
}: {
  name: string;
  role: string | undefined;
  onAnswer: (keepsVote: boolean) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('meetings');
  return (
    <Dialog open onClose={onCancel} data-testid="chair-vote-dialog" aria-labelledby="chair-vote-title">
      <DialogTitle id="chair-vote-title">{t('hall.chairVoteTitle', { name })}</DialogTitle>
      <DialogContent>
        <Typography>{t('hall.chairVoteBody', { name, role: role ?? t('hall.member') })}</Typography>
      </DialogContent>
      <DialogActions sx={{ flexWrap: 'wrap', gap: 1 }}>
        <Button onClick={onCancel}>{t('hall.cancel')}</Button>
        <Button variant="outlined" onClick={() => onAnswer(false)}>
          {t('hall.chairGivesUpVote')}
        </Button>
        <Button variant="contained" onClick={() => onAnswer(true)}>
          {t('hall.chairKeepsVote')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
