import { Box, Button, Card, CardContent, Chip, IconButton, Stack, Tooltip, Typography } from '@mui/material';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import { useTranslation } from 'react-i18next';
import { pendingEscalation } from '#shared/domain/machines/index';
import type { Level } from '#shared/domain/vocab';
import type { TopicDoc } from '#shared/schema/index';
import { formatDateTime } from '../../kit/beijing-time';
import './strings';

interface Props {
  level: Level;
  topics: TopicDoc[];
  placeName: (scope: string) => string;
  onMove: (id: string, direction: 'up' | 'down') => void;
  onRerank: () => void;
  onOpen: (topic: TopicDoc) => void;
}

const HEADINGS = { courtyard: 'courtyardOrder', community: 'communityList', street: 'streetList' } as const;

/** 楼院议题顺序 / 社区议题清单: the topics of one place in the order they will be taken up. */
export function TopicList({ level, topics, placeName, onMove, onRerank, onOpen }: Props) {
  const { t } = useTranslation('topics');
  return (
    <Card>
      <CardContent>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1 }}>
          <Typography variant="h3" component="h2">
            {t(HEADINGS[level])}
          </Typography>
          {topics.length > 1 && (
            <Button variant="outlined" onClick={onRerank}>
              {t('rerank')}
            </Button>
          )}
        </Stack>
        {topics.length === 0 && <Typography color="text.secondary">{t('noTopics')}</Typography>}
        <Stack data-testid="topic-list">
          {topics.map((topic, i) => {
            const awaiting = pendingEscalation(topic) !== undefined;
            return (
              <Stack
                key={topic.id}
                direction="row"
                data-testid="topic-row"
                sx={{ alignItems: 'center', gap: 1.5, py: 1.5, borderBottom: 1, borderColor: 'divider' }}
              >
                <Typography
                  variant="h3"
                  component="span"
                  sx={{ width: 36, textAlign: 'center', color: 'text.secondary' }}
                >
                  {i + 1}
                </Typography>
                <Box sx={{ flex: 1, minWidth: 0 }}>
                  <Typography sx={{ fontWeight: 600 }} data-testid="topic-title">
                    {topic.title}
                  </Typography>
                  <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap', mt: 0.5 }}>
                    <Chip
                      size="small"
                      color={topic.status === 'escalated' || awaiting ? 'default' : 'primary'}
                      label={awaiting ? t('awaitingTakeUp') : t(`states.${topic.status}`)}
                      data-testid="topic-status"
                    />
                    <Chip
                      size="small"
                      variant="outlined"
                      label={`${t(topic.track === 'quick' ? 'quickShort' : 'inDepthShort')}${topic.deadlineAt ? ` · ${t('deadline', { at: formatDateTime(topic.deadlineAt) })}` : ''}`}
                    />
                    <Chip
                      size="small"
                      variant="outlined"
                      label={t('demands', { count: topic.demandIds.length })}
                    />
                    <Chip size="small" variant="outlined" label={t('priority', { score: topic.priority })} />
                    {topic.originScope !== topic.scope && (
                      <Chip
                        size="small"
                        color="secondary"
                        label={t('from', { place: placeName(topic.originScope) })}
                      />
                    )}
                  </Stack>
                </Box>
                <Tooltip title={t('up')}>
                  <span>
                    <IconButton
                      aria-label={t('up')}
                      disabled={i === 0}
                      onClick={() => onMove(topic.id, 'up')}
                    >
                      <ArrowUpwardIcon />
                    </IconButton>
                  </span>
                </Tooltip>
                <Tooltip title={t('down')}>
                  <span>
                    <IconButton
                      aria-label={t('down')}
                      disabled={i === topics.length - 1}
                      onClick={() => onMove(topic.id, 'down')}
                    >
                      <ArrowDownwardIcon />
                    </IconButton>
                  </span>
                </Tooltip>
                <Button onClick={() => onOpen(topic)}>{t('details')}</Button>
              </Stack>
            );
          })}
        </Stack>
      </CardContent>
    </Card>
  );
}
