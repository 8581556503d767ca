import { useState } from 'react';
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  IconButton,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteIcon from '@mui/icons-material/Delete';
import { useTranslation } from 'react-i18next';
import { agendaFromTopics, agendaMinutes, KIND_DEFAULTS } from '#shared/domain/meetings/index';
import type { AgendaItem, MeetingDoc } from '#shared/schema/index';
import { newId } from '../../../db/ids';
import { NumberField } from '../../../kit/NumberField';
import { useTopics } from '../use-reference';

/** Topics waiting for deliberation (not answered, closed, dropped or escalated away). */
const WAITING = ['collecting', 'stakeholders', 'scheduled'];

export function AgendaEditor({
  meeting,
  disabled,
  onChange,
}: {
  meeting: MeetingDoc;
  disabled: boolean;
  onChange: (patch: Partial<MeetingDoc>) => void;
}) {
  const { t } = useTranslation('meetings');
  const topics = useTopics(meeting.scope).filter((tp) => WAITING.includes(tp.status));
  const [picking, setPicking] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const agenda = meeting.agenda;
  const set = (items: AgendaItem[]) => onChange({ agenda: items });
  const move = (i: number, by: number) => {
    const items = [...agenda];
    const [item] = items.splice(i, 1);
    if (item) items.splice(i + by, 0, item);
    set(items);
  };
  const addTopics = () => {
    const picked = topics.filter((tp) => chosen.includes(tp.id));
    set(agendaFromTopics(agenda, picked, KIND_DEFAULTS[meeting.kind].minutesPerTopic, () => newId('item')));
    setChosen([]);
    setPicking(false);
  };
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack spacing={1.5}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Typography variant="h2" sx={{ flexGrow: 1 }}>
            {t('prepare.agenda')}
          </Typography>
          <Typography color="text.secondary">
            {t('prepare.totalMinutes', { minutes: agendaMinutes(agenda) })}
          </Typography>
        </Stack>
        {agenda.map((item, i) => (
          <Stack
            key={item.itemId}
            direction="row"
            spacing={1}
            sx={{ alignItems: 'center' }}
            data-testid={`agenda-item-${i + 1}`}
          >
            <Typography sx={{ width: 28 }}>{i + 1}.</Typography>
            <TextField
              label={t('prepare.itemTitle')}
              value={item.title}
              disabled={disabled}
              onChange={(e) =>
                set(agenda.map((a) => (a.itemId === item.itemId ? { ...a, title: e.target.value } : a)))
              }
            />
            <NumberField
              label={t('prepare.minutes')}
              value={item.minutes}
              min={0}
              max={480}
              disabled={disabled}
              sx={{ width: 110, flexShrink: 0 }}
              onChange={(minutes) =>
                set(agenda.map((a) => (a.itemId === item.itemId ? { ...a, minutes } : a)))
              }
            />
            <IconButton disabled={disabled || i === 0} onClick={() => move(i, -1)} aria-label="↑">
              <ArrowUpwardIcon />
            </IconButton>
            <IconButton
              disabled={disabled || i === agenda.length - 1}
              onClick={() => move(i, 1)}
              aria-label="↓"
            >
              <ArrowDownwardIcon />
            </IconButton>
            <IconButton
              disabled={disabled}
              onClick={() => set(agenda.filter((a) => a.itemId !== item.itemId))}
              aria-label={t('prepare.remove')}
            >
              <DeleteIcon />
            </IconButton>
          </Stack>
        ))}
        <Stack direction="row" spacing={1}>
          <Button
            variant="outlined"
            disabled={disabled}
            onClick={() => setPicking(true)}
            data-testid="agenda-add-topics"
          >
            {t('prepare.addTopics')}
          </Button>
          <Button
            variant="outlined"
            disabled={disabled}
            onClick={() => set([...agenda, { itemId: newId('item'), title: '', minutes: 15 }])}
            data-testid="agenda-add-item"
          >
            {t('prepare.addItem')}
          </Button>
        </Stack>
      </Stack>
      <Dialog open={picking} onClose={() => setPicking(false)} fullWidth maxWidth="md">
        <DialogTitle>{t('prepare.addTopicsHint')}</DialogTitle>
        <DialogContent>
          {topics.length === 0 && <Typography>{t('prepare.noTopics')}</Typography>}
          <Stack>
            {topics.map((tp) => (
              <FormControlLabel
                key={tp.id}
                control={
                  <Checkbox
                    checked={chosen.includes(tp.id)}
                    disabled={agenda.some((a) => a.topicId === tp.id)}
                    onChange={(e) =>
                      setChosen(e.target.checked ? [...chosen, tp.id] : chosen.filter((id) => id !== tp.id))
                    }
                  />
                }
                label={`${tp.title}（${t(`guide.track.${tp.track}`)}）`}
              />
            ))}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setPicking(false)}>{t('console.undo')}</Button>
          <Button
            variant="contained"
            disabled={chosen.length === 0}
            onClick={addTopics}
            data-testid="agenda-topics-add"
          >
            {t('prepare.add')}
          </Button>
        </DialogActions>
      </Dialog>
    </Paper>
  );
}
