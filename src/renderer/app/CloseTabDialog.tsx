// As PuTTY does: a live session is not closed by a stray click or key. The
// safe answer stands first, so the dialog opens with the focus on it and
// Enter after a slip keeps the session.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog';

export function CloseTabDialog({
  name,
  onConfirm,
  onCancel,
}: {
  name: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const bodyId = useId();
  return (
    <Dialog title={t('tabs.confirmClose.title')} describedBy={bodyId} onCancel={onCancel}>
      <p id={bodyId}>{t('tabs.confirmClose.body', { name })}</p>
      <div className="actions">
        <button type="button" onClick={onCancel}>
          {t('tabs.confirmClose.cancel')}
        </button>
        <button type="button" className="danger" onClick={onConfirm}>
          {t('tabs.confirmClose.confirm')}
        </button>
      </div>
    </Dialog>
  );
}
