// Asked before a paste of several lines (paste-guard.ts): how many lines, the
// first of them as they would arrive, Einfügen or Abbrechen. Abbrechen has
// the focus, so a reflexive Enter pastes nothing; Escape cancels too.
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { pastePreview } from './paste-guard';

export function PasteWarning({
  text,
  onPaste,
  onCancel,
}: {
  text: string;
  onPaste: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const bodyId = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  // After the Dialog's showModal (a child's effect runs first), which focuses the first focusable element.
  useEffect(() => cancel.current?.focus(), []);
  const preview = pastePreview(text);
  const more = preview.total - preview.lines.length;
  return (
    <Dialog title={t('terminal.paste.title')} onCancel={onCancel} describedBy={bodyId}>
      <p id={bodyId}>{t('terminal.paste.body', { count: preview.total })}</p>
      <pre className="paste-preview" aria-label={t('terminal.paste.preview')} tabIndex={0}>
        {preview.lines.join('\n')}
      </pre>
      {more > 0 && <p>{t('terminal.paste.more', { count: more })}</p>}
      <div className="actions">
        <button type="button" className="primary" onClick={onPaste}>
          {t('terminal.paste.confirm')}
        </button>
        <button type="button" ref={cancel} onClick={onCancel}>
          {t('terminal.paste.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
