import { useMemo, useState } from 'react';
import {
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  Chip,
  Stack,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { clusterDemands } from '#shared/domain/aggregations/index';
import type { DemandDoc, PlaceDoc } from '#shared/schema/index';
import { formatDateTime } from '../../kit/beijing-time';
import './strings';

interface Props {
  demands: DemandDoc[];
  places: PlaceDoc[];
  placeName: (scope: string) => string;
  selected: Set<string>;
  onSelected: (ids: Set<string>) => void;
}

/** How many open demands the list shows at once; the sort decides which. */
const SHOWN = 300;

/** 待议诉求 with the candidate classes the shared clustering finds among them. */
export function OpenDemands({ demands, places, placeName, selected, onSelected }: Props) {
  const { t } = useTranslation('topics');
  const classes = useMemo(() => clusterDemands(demands, places).slice(0, 6), [demands, places]);
  const byId = useMemo(() => new Map(demands.map((d) => [d.id, d])), [demands]);
  // Newest first, so a year of imported orders does not bury this week's demands.
  const [order, setOrder] = useState<'newest' | 'oldest'>('newest');
  const listed = useMemo(() => {
    const sorted = [...demands].sort(
      (a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.id.localeCompare(b.id),
    );
    return (order === 'newest' ? sorted.reverse() : sorted).slice(0, SHOWN);
  }, [demands, order]);
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelected(next);
  };
  return (
    <Stack spacing={2}>
      <Card>
        <CardContent>
          <Typography variant="h3" component="h2" gutterBottom>
            {t('candidates')}
          </Typography>
          {classes.length === 0 && <Typography color="text.secondary">{t('noCandidates')}</Typography>}
          <Stack spacing={1.5}>
            {classes.map((c) => (
              <Box
                key={c.demandIds.join()}
                data-testid="candidate-class"
                sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5 }}
              >
                <Typography sx={{ fontWeight: 600 }}>{byId.get(c.demandIds[0] as string)?.title}</Typography>
                <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap', my: 1 }}>
                  {c.reasons.map((r) => (
                    <Chip key={r} label={r} size="small" />
                  ))}
                </Stack>
                <Button size="small" variant="outlined" onClick={() => onSelected(new Set(c.demandIds))}>
                  {t('selectClass', { count: c.demandIds.length })}
                </Button>
              </Box>
            ))}
          </Stack>
        </CardContent>
      </Card>
      <Card>
        <CardContent>
          <Stack
            direction="row"
            sx={{ alignItems: 'center', justifyContent: 'space-between', gap: 1, flexWrap: 'wrap' }}
          >
            <Typography variant="h3" component="h2" gutterBottom>
              {t('open', { count: demands.length })}
            </Typography>
            <ToggleButtonGroup
              size="small"
              exclusive
              value={order}
              onChange={(_, next: 'newest' | 'oldest' | null) => next && setOrder(next)}
              aria-label={t('openOrder')}
            >
              <ToggleButton value="newest">{t('newestFirst')}</ToggleButton>
              <ToggleButton value="oldest">{t('oldestFirst')}</ToggleButton>
            </ToggleButtonGroup>
          </Stack>
          <Typography color="text.secondary" sx={{ mb: 1 }}>
            {demands.length === 0 ? t('noOpen') : t('openHint')}
          </Typography>
          <Box sx={{ maxHeight: 520, overflow: 'auto' }}>
            {listed.map((d) => (
              <Stack
                key={d.id}
                direction="row"
                sx={{ alignItems: 'flex-start', py: 0.5, borderBottom: 1, borderColor: 'divider' }}
              >
                <Checkbox
                  checked={selected.has(d.id)}
                  onChange={() => toggle(d.id)}
                  slotProps={{ input: { 'aria-label': d.title, 'data-testid': 'demand-check' } as object }}
                />
                <Box sx={{ pt: 1 }}>
                  <Typography>{d.title}</Typography>
                  <Typography variant="body2" color="text.secondary">
                    {placeName(d.scope)} · {formatDateTime(d.receivedAt)} · {t(`urgency.${d.urgency}`)}
                  </Typography>
                </Box>
              </Stack>
            ))}
          </Box>
        </CardContent>
      </Card>
    </Stack>
  );
}
