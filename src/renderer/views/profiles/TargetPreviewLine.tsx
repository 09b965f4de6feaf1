// "Verbindet mit backup.meine-schule.de über meine-schule.de:22", or what is
// wrong with the typed values.
import { useTranslation } from 'react-i18next';
import type { TargetPreview } from './target-preview';

export function TargetPreviewLine({
  preview,
  showProblem,
}: {
  preview: TargetPreview;
  showProblem: boolean;
}) {
  const { t } = useTranslation();
  if (preview.ok) {
    return (
      <p className="preview target-preview">
        {preview.portal === null
          ? t('profiles.target.portal', { host: preview.host })
          : t('profiles.target.backup', { host: preview.host, portal: preview.portal })}
      </p>
    );
  }
  if (!showProblem) return null;
  return <p className="preview target-preview problem">{t(`profiles.problem.${preview.problem}`)}</p>;
}
