// One exported file: read-only text to copy, a Speichern button that saves it
// under the suggested name (a Blob behind an object URL, so nothing leaves the
// page), and how OpenSSH is told to use it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Long enough for the browser (or Electron's save dialog) to have taken the file. */
const REVOKE_AFTER_MS = 60_000;

export interface ExportedFile {
  fileName: string;
  text: string;
}

export function ExportText({
  id,
  title,
  file,
  hint,
  snippet,
}: {
  id: string;
  title: string;
  file: ExportedFile;
  hint: string;
  /** The line for ~/.ssh/config. */
  snippet: string;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState<string>();
  const titleId = `${id}-title`;
  const hintId = `${id}-hint`;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(file.text);
      setNote(t('movingIn.export.copied'));
    } catch {
      setNote(t('movingIn.export.copyFailed'));
    }
  };
  const save = () => {
    const url = URL.createObjectURL(new Blob([file.text], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = file.fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  };

  return (
    <section className="import-section" aria-labelledby={titleId}>
      <h3 id={titleId}>{title}</h3>
      <p id={hintId}>{hint}</p>
      <pre className="export-snippet">
        <code>{snippet}</code>
      </pre>
      <textarea
        className="export-text"
        aria-labelledby={titleId}
        aria-describedby={hintId}
        readOnly
        rows={12}
        spellCheck={false}
        value={file.text}
      />
      <div className="actions">
        <button
          type="button"
          aria-label={t('movingIn.export.copyLabel', { what: title })}
          onClick={() => void copy()}
        >
          {t('movingIn.export.copy')}
        </button>
        <button type="button" aria-label={t('movingIn.export.saveLabel', { what: title })} onClick={save}>
          {t('movingIn.export.save')}
        </button>
      </div>
      {note && (
        <p role="status" className="muted">
          {note}
        </p>
      )}
    </section>
  );
}
