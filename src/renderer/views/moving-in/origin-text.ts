// "Aus config, Zeile 12": where an imported item was read.
import { useTranslation } from 'react-i18next';
import { useSourceName } from './problem-text';

export function useOriginText(): (origin: { source: string; line: number | null }) => string {
  const { t } = useTranslation();
  const sourceName = useSourceName();
  return ({ source, line }) =>
    line === null
      ? t('movingIn.preview.origin', { source: sourceName(source) })
      : t('movingIn.preview.originLine', { source: sourceName(source), line });
}
