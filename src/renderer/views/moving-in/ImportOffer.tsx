// Once, while there are no profiles yet: when PuTTY or OpenSSH on this
// computer hold sessions or host keys the app does not have, offer to import
// them. There is no setting to remember a dismissal, so the offer lives only
// while the profile list is empty (which is once for most people) and, within
// one run of the app, is asked and answered only once.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../shared/contract/moving-in';
import { useApp } from '../../app/context';
import { newFound } from './selection';
import './moving-in.css';

/** This run's answer, so the list's remounts neither read ~/.ssh again nor bring a dismissed offer back. */
const offer: { state: 'unasked' | 'asking' | 'settled' | ImportPreview } = { state: 'unasked' };

export function ImportOfferCard({
  preview,
  onOpen,
  onDismiss,
}: {
  preview: ImportPreview;
  onOpen: () => void;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const found = newFound(preview);
  return (
    <section className="import-offer" aria-labelledby="import-offer-title">
      <h3 id="import-offer-title">{t('movingIn.offer.title')}</h3>
      <p>
        {found.profiles > 0
          ? t('movingIn.offer.sessions', { count: found.profiles })
          : t('movingIn.offer.hostKeys', { count: found.hostKeys })}
      </p>
      <div className="actions">
        <button type="button" className="primary" onClick={onOpen}>
          {t('movingIn.offer.open')}
        </button>
        <button type="button" onClick={onDismiss}>
          {t('movingIn.offer.dismiss')}
        </button>
      </div>
    </section>
  );
}

export function ImportOffer({ onOpen }: { onOpen: (preview: ImportPreview) => void }) {
  const { api } = useApp();
  const [preview, setPreview] = useState(() => (typeof offer.state === 'object' ? offer.state : null));

  useEffect(() => {
    if (offer.state !== 'unasked') return;
    offer.state = 'asking';
    api.import.preview({ thisComputer: true }).then(
      (found) => {
        const count = newFound(found);
        offer.state = count.profiles + count.hostKeys > 0 ? found : 'settled';
        if (offer.state !== 'settled') setPreview(found);
      },
      // Not being able to look is no reason to bother anyone.
      () => (offer.state = 'settled'),
    );
  }, [api]);

  if (!preview) return null;
  const settle = () => {
    offer.state = 'settled';
    setPreview(null);
  };
  return (
    <ImportOfferCard
      preview={preview}
      onOpen={() => {
        settle();
        onOpen(preview);
      }}
      onDismiss={settle}
    />
  );
}
