// After "Auswahl importieren": what was imported, replaced and skipped (and
// why), then the ticked key files go into the agent one form each.
import { useTranslation } from 'react-i18next';
import type { ImportResult, PreviewKeyFile } from '../../../shared/contract/moving-in';
import { KeyFileLoad } from './KeyFileLoad';
import { StepHeading } from './StepHeading';

/** "3 Profile importiert, 1 ersetzt, 5 Hostschlüssel übernommen, 2 übersprungen." */
export function useResultSummary(): (result: ImportResult) => string {
  const { t } = useTranslation();
  return (result) => {
    const parts = [t('movingIn.result.profilesAdded', { count: result.profilesAdded })];
    if (result.profilesReplaced > 0)
      parts.push(t('movingIn.result.replaced', { count: result.profilesReplaced }));
    parts.push(t('movingIn.result.hostKeysAdded', { count: result.hostKeysAdded }));
    if (result.hostKeysReplaced > 0)
      parts.push(t('movingIn.result.replaced', { count: result.hostKeysReplaced }));
    if (result.skipped.length > 0) parts.push(t('movingIn.result.skipped', { count: result.skipped.length }));
    return `${parts.join(', ')}.`;
  };
}

export function ImportResultView({
  result,
  keyFiles,
  onDone,
}: {
  result: ImportResult;
  keyFiles: PreviewKeyFile[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const summary = useResultSummary();
  return (
    <section className="card import-view" aria-labelledby="import-result-title">
      <StepHeading id="import-result-title">{t('movingIn.result.title')}</StepHeading>
      <p role="status" className="import-result">
        {summary(result)}
      </p>
      {result.skipped.length > 0 && (
        <section className="import-section" aria-labelledby="import-skipped-title">
          <h3 id="import-skipped-title">{t('movingIn.result.skippedTitle')}</h3>
          <ul className="import-skipped">
            {result.skipped.map((skipped) => (
              <li key={skipped.id}>
                {skipped.label} ({t(`movingIn.result.skip.${skipped.reason}`)})
              </li>
            ))}
          </ul>
        </section>
      )}
      {keyFiles.length > 0 && (
        <section className="import-section" aria-labelledby="import-key-load-title">
          <h3 id="import-key-load-title">{t('movingIn.result.keyFilesTitle')}</h3>
          <ul className="key-file-loads">
            {keyFiles.map((file) => (
              <KeyFileLoad key={file.id} path={file.keyFile.path} />
            ))}
          </ul>
        </section>
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={onDone}>
          {t('movingIn.result.done')}
        </button>
      </div>
    </section>
  );
}
