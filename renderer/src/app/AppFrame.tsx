import { useState } from 'react';
import {
  AppBar,
  Box,
  Drawer,
  IconButton,
  List,
  ListItemButton,
  ListItemIcon,
  ListItemText,
  Toolbar,
  Typography,
  useMediaQuery,
} from '@mui/material';
import MenuIcon from '@mui/icons-material/Menu';
import { useTranslation } from 'react-i18next';
import { AREAS, startArea } from './routes';
import { navigate, parseRoute, useRoute } from '../kit/router';
import { LanguageSwitch } from './LanguageSwitch';
import { UpdateCheck } from './UpdateCheck';
import { useDeviceSettings } from '../db/SettingsContext';
import { SyncStatusBar } from '../features/sync';
import { ProjectorPage } from '../features/meetings';
import { PageErrorBoundary } from '../kit/ErrorBoundary';

const DRAWER_WIDTH = 240;

export function AppFrame() {
  const { t } = useTranslation();
  const settings = useDeviceSettings();
  const route = useRoute();
  const wide = useMediaQuery('(min-width: 900px)');
  const [open, setOpen] = useState(false);
  const start = startArea(settings.deviceKind);
  const current = parseRoute(route).segments[0] ?? start;
  const area = AREAS.find((a) => a.path === current) ?? AREAS.find((a) => a.path === start);
  const Page = area?.component;
  // The projector window (#/projector/meeting/<id>) shows the meeting full screen, without the frame.
  if (current === 'projector') return <ProjectorPage />;

  const nav = (
    <List component="nav" aria-label={t('nav.menu')} sx={{ pt: 1 }}>
      {AREAS.map((a) => (
        <ListItemButton
          key={a.path}
          selected={a.path === area?.path}
          onClick={() => {
            navigate(`/${a.path}`);
            setOpen(false);
          }}
        >
          <ListItemIcon>{a.icon}</ListItemIcon>
          <ListItemText primary={t(a.label)} />
        </ListItemButton>
      ))}
    </List>
  );

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <AppBar position="fixed" sx={{ zIndex: (theme) => theme.zIndex.drawer + 1 }}>
        <Toolbar sx={{ gap: 2 }}>
          {!wide && (
            <IconButton color="inherit" aria-label={t('nav.menu')} onClick={() => setOpen(true)}>
              <MenuIcon />
            </IconButton>
          )}
          <Typography variant="h3" component="div" sx={{ fontWeight: 700 }}>
            {t('title')}
          </Typography>
          <Typography sx={{ flexGrow: 1, opacity: 0.9 }} noWrap>
            {settings.deviceName}
          </Typography>
          <SyncStatusBar />
          <UpdateCheck />
          <LanguageSwitch />
        </Toolbar>
      </AppBar>
      <Drawer
        variant={wide ? 'permanent' : 'temporary'}
        open={wide || open}
        onClose={() => setOpen(false)}
        sx={{ width: DRAWER_WIDTH, flexShrink: 0, '& .MuiDrawer-paper': { width: DRAWER_WIDTH } }}
      >
        <Toolbar />
        {nav}
      </Drawer>
      <Box component="main" sx={{ flexGrow: 1, p: { xs: 2, md: 3 }, minWidth: 0 }}>
        <Toolbar />
        {Page && area && (
          <PageErrorBoundary key={area.path} where={area.label} onHome={() => navigate(`/${start}`)}>
            <Page />
          </PageErrorBoundary>
        )}
      </Box>
    </Box>
  );
}
