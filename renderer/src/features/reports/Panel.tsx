import type { ReactNode } from 'react';
import { Paper, Typography } from '@mui/material';

/** A titled block of the dashboard. */
export function Panel({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Paper variant="outlined" sx={{ p: 2.5, minWidth: 0 }} data-testid={testId} component="section">
      <Typography variant="h3" component="h2" sx={{ mb: 1.5 }}>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}
