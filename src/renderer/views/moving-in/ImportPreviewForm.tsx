// The preview as a form: the user ticks what to import (new items are ticked,
// conflicts are not), then "Auswahl importieren" imports exactly that.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, ImportResult, PreviewKeyFile } from '../../../shared/contract/moving-in';
import { useApp } from '../../app/context';
import { useErrorText } from '../../components/errors';
import { BusyNote, ErrorMessage } from '../../components/Messages';
import { PreviewLists } from './PreviewLists';
import { StepHeading } from './StepHeading';
import { applySelection, initialSelection, nothingTicked, tickedItems, toggle } from './selection';

export function ImportPreviewForm({
  preview,
  defaultUser,
  onApplied,
  onCancel,
}: {
  preview: ImportPreview;
  defaultUser: string;
  onApplied: (result: ImportResult, keyFiles: PreviewKeyFile[]) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { api } = useApp();
  const errorText = useErrorText();
  const [selection, setSelection] = useState(() => initialSelection(preview));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const ticked = tickedItems(preview, selection);
  const nothing = nothingTicked(preview, selection);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (nothing) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const { result, keyFiles } = await applySelection(api, preview, selection);
      onApplied(result, keyFiles);
    } catch (error) {
      setFailure(errorText(error));
      setBusy(false);
    }
  };

  return (
    <section className="card import-view import-wide" aria-labelledby="import-preview-title">
      <StepHeading id="import-preview-title">{t('movingIn.preview.title')}</StepHeading>
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="import-preview-title">
        <PreviewLists
          preview={preview}
          selection={selection}
          defaultUser={defaultUser}
          onToggle={(list, id, on) => setSelection((current) => toggle(current, list, id, on))}
        />
        <p className="import-selected">
          {nothing
            ? t('movingIn.preview.nothingSelected')
            : t('movingIn.preview.selected', {
                profiles: ticked.profiles.length,
                hostKeys: ticked.hostKeys.length,
                keyFiles: ticked.keyFiles.length,
              })}
        </p>
        <ErrorMessage>{failure}</ErrorMessage>
        {busy && <BusyNote text={t('movingIn.preview.applying')} />}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || nothing}>
            {t('movingIn.preview.apply')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('movingIn.preview.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
