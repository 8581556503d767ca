import { useMemo, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardActionArea,
  CardContent,
  Chip,
  LinearProgress,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { useTranslation } from 'react-i18next';
import { fundBalances, formatYuan, spentFen } from '#shared/domain/projects/index';
import { useDatabase } from '../../db/DatabaseContext';
import { useDeviceSettings } from '../../db/SettingsContext';
import { navigate, parseRoute, useRoute } from '../../kit/router';
import { BalanceTable } from './BalanceTable';
import { NewProjectDialog } from './NewProjectDialog';
import { PlaceSelect } from './PlaceSelect';
import type { ProjectActor } from './project-actions';
import { ProjectDetail } from './ProjectDetail';
import { usePlaceName, usePlaces, useProject, useProjectsUnder } from './use-projects-data';
import './strings';

/** 微实事与项目: #/projects/<scope> lists them with the fund balances; #/projects/<scope>/<id> opens one. */
export function ProjectsPage() {
  const { t } = useTranslation('projects');
  const db = useDatabase();
  const settings = useDeviceSettings();
  const { segments } = parseRoute(useRoute());
  const scope = segments[1] ?? settings.homeScope;
  const projectId = segments[2];
  const places = usePlaces();
  const placeName = usePlaceName();
  const projects = useProjectsUnder(scope);
  const project = useProject(projectId);
  const [year, setYear] = useState<number | 'all'>('all');
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState('');
  const actor: ProjectActor = {
    db,
    author: { deviceId: settings.deviceId },
    role: settings.role,
    homeScope: settings.homeScope,
  };
  const balances = useMemo(() => fundBalances(projects), [projects]);
  const years = useMemo(() => [...new Set(projects.map((p) => p.year))].sort((a, b) => b - a), [projects]);
  const shown = projects.filter((p) => year === 'all' || p.year === year);

  if (projectId && project) {
    return <ProjectDetail actor={actor} project={project} onBack={() => navigate(`/projects/${scope}`)} />;
  }

  return (
    <Stack spacing={3} sx={{ maxWidth: 1200 }}>
      <Typography variant="h2" component="h1">
        {t('title')}
      </Typography>
      <Typography color="text.secondary">{t('intro')}</Typography>
      <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
        <PlaceSelect
          places={places}
          within={settings.homeScope}
          value={scope}
          label={t('place')}
          onChange={(s) => navigate(`/projects/${s}`)}
        />
        <TextField
          select
          label={t('year')}
          value={year}
          onChange={(e) => setYear(e.target.value === 'all' ? 'all' : Number(e.target.value))}
          sx={{ width: 160 }}
        >
          <MenuItem value="all">{t('allYears')}</MenuItem>
          {years.map((y) => (
            <MenuItem key={y} value={y}>
              {y}
            </MenuItem>
          ))}
        </TextField>
        <Box sx={{ flexGrow: 1 }} />
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)}>
          {t('create.button')}
        </Button>
      </Stack>
      {created && <Alert severity="success">{created}</Alert>}
      <BalanceTable rows={year === 'all' ? balances : balances.filter((b) => b.year === year)} />
      {shown.length === 0 && <Typography>{t('list.none')}</Typography>}
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}>
        {shown.map((p) => {
          const spent = spentFen(p);
          return (
            <Card key={p.id} data-testid="project-card">
              <CardActionArea onClick={() => navigate(`/projects/${scope}/${p.id}`)}>
                <CardContent>
                  <Stack
                    direction="row"
                    sx={{ justifyContent: 'space-between', gap: 1, alignItems: 'baseline' }}
                  >
                    <Typography variant="h3" component="h2" sx={{ fontSize: '1.2rem' }}>
                      {p.title}
                    </Typography>
                    <Chip
                      size="small"
                      color={p.status === 'rejected' ? 'default' : 'primary'}
                      label={t(`status.${p.status}`)}
                    />
                  </Stack>
                  <Typography color="text.secondary" variant="body2">
                    {placeName(p.scope)} · {t(`kind.${p.kind}`)} · {t(`fund.${p.fundSource}`)} · {p.year}
                  </Typography>
                  <Typography variant="body2" sx={{ mt: 1 }}>
                    {t('list.budget', { amount: formatYuan(p.budgetFen) })} ·{' '}
                    {t('list.spent', { amount: formatYuan(spent) })}
                  </Typography>
                  <LinearProgress
                    aria-label={t('list.spentShare')}
                    variant="determinate"
                    value={p.budgetFen > 0 ? Math.min(100, (spent / p.budgetFen) * 100) : 0}
                    sx={{ mt: 1 }}
                  />
                </CardContent>
              </CardActionArea>
            </Card>
          );
        })}
      </Box>
      {creating && (
        <NewProjectDialog
          actor={actor}
          places={places}
          scope={scope}
          onClose={() => setCreating(false)}
          onCreated={(p) => {
            setCreating(false);
            setCreated(t('create.created', { title: p.title }));
            navigate(`/projects/${scope}/${p.id}`);
          }}
        />
      )}
    </Stack>
  );
}
