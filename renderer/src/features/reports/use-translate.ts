import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { dataKey } from '../../kit/i18n';
import type { Translate } from './report-sections';

/**
 * The reports' words for the section builders, which are plain functions (tested without React)
 * and build keys from the figures they lay out.
 */
export function useReportTranslate(): Translate {
  const { t } = useTranslation('reports');
  return useCallback((key, values) => t(dataKey<'reports'>(key), values ?? {}), [t]);
}
