// The intake's confirmation, kept apart from the form: a save shows it by rendering this alone
// (the form's reset follows as a transition), so "saved" reaches the screen as soon as the demand
// is stored instead of after a re-render of the whole form.

import { useSyncExternalStore } from 'react';
import { Alert, Button } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../kit/router';
import './strings';

export interface IntakeResultValue {
  severity: 'success' | 'error';
  message: string;
  scope?: string;
}

export interface IntakeResultStore {
  get(): IntakeResultValue | null;
  set(value: IntakeResultValue | null): void;
  subscribe(listener: () => void): () => void;
}

export function createIntakeResultStore(): IntakeResultStore {
  let value: IntakeResultValue | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      value = next;
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function IntakeResult({ store }: { store: IntakeResultStore }) {
  const { t } = useTranslation('demands');
  const result = useSyncExternalStore(store.subscribe, store.get);
  if (!result) return null;
  return (
    <Alert
      severity={result.severity}
      role="status"
      data-testid="intake-result"
      onClose={() => store.set(null)}
      action={
        result.scope ? (
          <Button color="inherit" tabIndex={-1} onClick={() => navigate(`/demands/${result.scope}`)}>
            {t('intake.viewInLedger')}
          </Button>
        ) : undefined
      }
    >
      {result.message}
    </Alert>
  );
}
