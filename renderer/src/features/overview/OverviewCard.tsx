import type { ReactNode } from 'react';
import {
  Button,
  Card,
  CardActions,
  CardContent,
  List,
  ListItem,
  ListItemButton,
  ListItemText,
  Stack,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import './strings';

export interface OverviewLine {
  key: string;
  primary: string;
  secondary: string;
  onOpen: () => void;
}

const SHOWN = 5;

/** One figure of the overview: its count, the first few records behind it, and a link onwards. */
export function OverviewCard({
  title,
  count,
  lines,
  tone,
  link,
  onLink,
  testId,
  children,
}: {
  title: string;
  count?: number;
  lines?: readonly OverviewLine[];
  tone?: 'error' | 'warning' | 'primary';
  link: string;
  onLink: () => void;
  testId: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation('overview');
  return (
    <Card data-testid={testId} sx={{ display: 'flex', flexDirection: 'column' }}>
      <CardContent sx={{ flexGrow: 1 }}>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'baseline', gap: 1 }}>
          <Typography variant="h3" component="h2">
            {title}
          </Typography>
          {count !== undefined && (
            <Typography
              sx={{
                fontSize: '2rem',
                fontWeight: 700,
                color: count > 0 && tone ? `${tone}.main` : 'text.secondary',
              }}
              data-testid={`${testId}-count`}
            >
              {count}
            </Typography>
          )}
        </Stack>
        {lines && lines.length === 0 && <Typography color="text.secondary">{t('none')}</Typography>}
        {lines && lines.length > 0 && (
          <List dense disablePadding>
            {lines.slice(0, SHOWN).map((line) => (
              <ListItem key={line.key} disablePadding>
                <ListItemButton onClick={line.onOpen} sx={{ px: 0.5 }}>
                  <ListItemText primary={line.primary} secondary={line.secondary} />
                </ListItemButton>
              </ListItem>
            ))}
          </List>
        )}
        {lines && lines.length > SHOWN && (
          <Typography variant="body2" color="text.secondary">
            {t('more', { count: lines.length - SHOWN })}
          </Typography>
        )}
        {children}
      </CardContent>
      <CardActions>
        <Button onClick={onLink}>{link}</Button>
      </CardActions>
    </Card>
  );
}
