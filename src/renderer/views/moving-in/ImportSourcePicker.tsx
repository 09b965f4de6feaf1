// Where to import from: this computer (PuTTY's registry on Windows, ~/.ssh
// everywhere) or a file the user names or picks. Reading it gives the preview.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, ImportSource } from '../../../shared/contract/moving-in';
import { useApp } from '../../app/context';
import { useErrorText } from '../../components/errors';
import { FileField } from '../../components/FileField';
import { BusyNote, ErrorMessage } from '../../components/Messages';
import { StepHeading } from './StepHeading';

export function ImportSourcePicker({
  onPreview,
  onCancel,
}: {
  onPreview: (preview: ImportPreview) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { api, info } = useApp();
  const errorText = useErrorText();
  const [path, setPath] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const pathMissing = path.trim() === '';

  const read = async (source: ImportSource) => {
    setBusy(true);
    setFailure(undefined);
    try {
      onPreview(await api.import.preview(source));
    } catch (error) {
      setFailure(errorText(error));
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!pathMissing) void read({ file: path.trim() });
  };

  return (
    <section className="card import-view" aria-labelledby="import-source-title">
      <StepHeading id="import-source-title">{t('movingIn.source.title')}</StepHeading>
      <p>{t('movingIn.source.intro')}</p>
      <div className="import-this-computer">
        <button
          type="button"
          className="primary"
          aria-describedby="import-this-computer-hint"
          disabled={busy}
          onClick={() => void read({ thisComputer: true })}
        >
          {t('movingIn.source.thisComputer')}
        </button>
        <small id="import-this-computer-hint" className="hint">
          {info.platform === 'win32'
            ? t('movingIn.source.thisComputerHintWindows')
            : t('movingIn.source.thisComputerHint')}
        </small>
      </div>
      <form onSubmit={submit} noValidate aria-labelledby="import-file-title">
        <h3 id="import-file-title">{t('movingIn.source.fileTitle')}</h3>
        <FileField
          label={t('movingIn.source.file')}
          hint={t('movingIn.source.fileHint')}
          value={path}
          spellCheck={false}
          autoComplete="off"
          onChange={setPath}
          error={touched && pathMissing ? t('movingIn.source.fileMissing') : undefined}
          browseLabel={t('movingIn.source.browse')}
        />
        <div className="actions">
          <button type="submit" disabled={busy}>
            {t('movingIn.source.read')}
          </button>
        </div>
      </form>
      <ErrorMessage>{failure}</ErrorMessage>
      {busy && <BusyNote text={t('movingIn.source.reading')} />}
      <div className="actions">
        <button type="button" onClick={onCancel}>
          {t('movingIn.source.cancel')}
        </button>
      </div>
    </section>
  );
}
