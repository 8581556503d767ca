import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  MenuItem,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { deadlineFor } from '#shared/domain/machines/index';
import { DEMAND_CATEGORIES, type DemandCategory, type TopicTrack } from '#shared/domain/vocab';
import type { DemandDoc } from '#shared/schema/index';
import { nowIso } from '../../db/ids';
import { formatDateTime } from '../../kit/beijing-time';
import type { NewTopic } from './topic-actions';
import './strings';
import { useCategoryLabel } from '../../kit/i18n/labels';

function mostCommon(demands: DemandDoc[]): DemandCategory {
  const counts = new Map<DemandCategory, number>();
  for (const d of demands) counts.set(d.category, (counts.get(d.category) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'other';
}

/** 新建议题 from the selected demands, choosing 即时议 or 深入议 with the deadline in view. */
export function NewTopicDialog({
  demands,
  initial,
  onCancel,
  onCreate,
}: {
  demands: DemandDoc[];
  /** What the dialog opens with instead of what it reads from the demands (未诉先办). */
  initial?: { title: string; description: string; category: DemandCategory };
  onCancel: () => void;
  onCreate: (topic: NewTopic) => void;
}) {
  const { t } = useTranslation('topics');
  const categoryLabel = useCategoryLabel();
  const [title, setTitle] = useState(initial?.title ?? demands[0]?.title ?? '');
  const [description, setDescription] = useState(
    initial?.description ?? demands.map((d) => d.title).join('；'),
  );
  const [category, setCategory] = useState<DemandCategory>(initial?.category ?? mostCommon(demands));
  const [track, setTrack] = useState<TopicTrack>('inDepth');
  return (
    <Dialog open onClose={onCancel} fullWidth maxWidth="sm">
      <DialogTitle>{t('newTopic')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <TextField
            label={t('topicTitle')}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            error={!title.trim()}
            helperText={title.trim() ? undefined : t('titleNeeded')}
            slotProps={{ htmlInput: { maxLength: 200 } }}
          />
          <TextField
            label={t('description')}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            multiline
            minRows={2}
          />
          <TextField
            select
            label={t('category')}
            value={category}
            onChange={(e) => setCategory(e.target.value as DemandCategory)}
          >
            {DEMAND_CATEGORIES.map((c) => (
              <MenuItem key={c} value={c}>
                {categoryLabel(c)}
              </MenuItem>
            ))}
          </TextField>
          <Typography>{t('track')}</Typography>
          <RadioGroup value={track} onChange={(e) => setTrack(e.target.value as TopicTrack)}>
            <FormControlLabel value="quick" control={<Radio />} label={t('quick')} />
            <FormControlLabel value="inDepth" control={<Radio />} label={t('inDepth')} />
          </RadioGroup>
          <Typography color="primary" data-testid="deadline-preview">
            {t('deadlineWillBe', { at: formatDateTime(deadlineFor(track, nowIso())) })}
          </Typography>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>{t('cancel')}</Button>
        <Button
          variant="contained"
          disabled={!title.trim()}
          onClick={() =>
            onCreate({ title, description, category, track, demandIds: demands.map((d) => d.id) })
          }
        >
          {t('create')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
