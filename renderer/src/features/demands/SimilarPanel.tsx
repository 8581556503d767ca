import { Alert, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { PlaceTree } from '#shared/domain/places/index';
import type { DemandCategory } from '#shared/domain/vocab';
import { formatDate } from '../../kit/beijing-time';
import { useSimilarDemands } from './use-similar';
import type { SimilarHit } from './use-similar';
import './strings';

interface SimilarForProps extends Omit<Props, 'hits'> {
  tree: PlaceTree | null;
  scope: string | null;
  text: { title: string; description: string; category?: DemandCategory };
}

/**
 * The panel with its own subscription to the open demands of the place: a saved demand changes
 * that query, and only the panel re-renders for it, not the intake form beside it (the save's
 * confirmation would otherwise wait for a render of the whole form).
 */
export function SimilarFor({ tree, scope, text, ...panel }: SimilarForProps) {
  const hits = useSimilarDemands(tree, scope, text);
  return <SimilarPanel hits={hits} {...panel} />;
}

interface Props {
  hits: SimilarHit[];
  ready: boolean;
  linkedId: string | null;
  onLink(hit: SimilarHit): void;
}

/** Possible duplicates beside the form: the worker links one instead of entering it again. */
export function SimilarPanel({ hits, ready, linkedId, onLink }: Props) {
  const { t } = useTranslation('demands');
  return (
    <Card variant="outlined" data-testid="similar-panel">
      <CardContent>
        <Typography variant="h4" component="h2" gutterBottom>
          {t('intake.similar')}
        </Typography>
        {!ready && <Typography color="text.secondary">{t('intake.similarHint')}</Typography>}
        {ready && hits.length === 0 && (
          <Typography color="text.secondary">{t('intake.similarNone')}</Typography>
        )}
        <Stack spacing={1.5}>
          {hits.map((hit) => (
            <Alert
              key={hit.demandId}
              severity={hit.demandId === linkedId ? 'success' : 'info'}
              icon={false}
              data-testid="similar-item"
              action={
                <Button
                  size="small"
                  variant="outlined"
                  disabled={hit.demandId === linkedId}
                  onClick={() => onLink(hit)}
                  tabIndex={-1}
                >
                  {t('intake.linkDuplicate')}
                </Button>
              }
            >
              <Typography sx={{ fontWeight: 600 }}>{hit.demand.title}</Typography>
              <Typography variant="body2" color="text.secondary">
                {formatDate(hit.demand.receivedAt)} · {t(`statuses.${hit.demand.status}`)}
              </Typography>
              <Stack direction="row" spacing={0.5} sx={{ mt: 0.5, flexWrap: 'wrap', gap: 0.5 }}>
                {hit.reasons.map((reason) => (
                  <Chip key={reason} label={reason} size="small" />
                ))}
              </Stack>
            </Alert>
          ))}
        </Stack>
      </CardContent>
    </Card>
  );
}
