import { Component, Fragment, type ErrorInfo, type ReactNode } from 'react';
import { Alert, AlertTitle, Button, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { recordError } from './error-log';
import './strings';

interface Props {
  /** Where the error is recorded as having happened: the page's i18n label key (`nav.demands`). */
  where: string;
  /** The way out of a broken page. */
  onHome(): void;
  children: ReactNode;
}

function Fallback({ error, onRetry, onHome }: { error: Error; onRetry(): void; onHome(): void }) {
  const { t } = useTranslation('kit');
  return (
    <Alert severity="error" role="alert" sx={{ maxWidth: 760 }}>
      <AlertTitle sx={{ fontSize: '1.25rem' }}>{t('errors.title')}</AlertTitle>
      <Stack spacing={2}>
        <Typography>{t('errors.body')}</Typography>
        <Typography variant="body2" sx={{ wordBreak: 'break-word' }}>
          {t('errors.detail')}：{error.message}
        </Typography>
        <Stack direction="row" spacing={2}>
          <Button variant="contained" onClick={onRetry}>
            {t('errors.retry')}
          </Button>
          <Button variant="outlined" onClick={onHome}>
            {t('errors.home')}
          </Button>
        </Stack>
      </Stack>
    </Alert>
  );
}

/**
 * One page's safety net: an error while rendering the page shows 出错了 with a way back instead
 * of a blank window, and the app frame (navigation, sync) stays alive.
 */
export class PageErrorBoundary extends Component<Props, { error: Error | null; attempt: number }> {
  override state: { error: Error | null; attempt: number } = { error: null, attempt: 0 };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    recordError(
      this.props.where,
      error instanceof Error && info.componentStack
        ? Object.assign(error, { stack: `${error.stack ?? ''}\n${info.componentStack}` })
        : error,
    );
  }

  override render(): ReactNode {
    if (this.state.error) {
      return (
        <Fallback
          error={this.state.error}
          // A fresh mount: whatever state led to the error is gone.
          onRetry={() => this.setState((s) => ({ error: null, attempt: s.attempt + 1 }))}
          onHome={() => {
            this.setState((s) => ({ error: null, attempt: s.attempt + 1 }));
            this.props.onHome();
          }}
        />
      );
    }
    return <Fragment key={this.state.attempt}>{this.props.children}</Fragment>;
  }
}
