// On the start view while no key is known (the agent holds none and no
// default key is set): offers the key wizard.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/model/settings';
import { useApp } from '../../app/context';

export function KeySetupOffer({ settings, onOpen }: { settings: Settings; onOpen: () => void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const [agentEmpty, setAgentEmpty] = useState(false);

  // Asked again whenever the default key changes (e.g. the wizard just set
  // one) and whenever the agent's keys change (e.g. remembered keys loaded at start).
  useEffect(() => {
    let current = true;
    const refresh = () =>
      api.keys.status().then(
        (status) => current && setAgentEmpty(status.agentKeyCount === 0 && status.defaultKeyPath === ''),
        () => undefined, // Not knowing is no reason to nag.
      );
    void refresh();
    const unsubscribe = api.on('agent.changed', () => void refresh());
    return () => {
      current = false;
      unsubscribe();
    };
  }, [api, settings.defaultKeyPath]);

  if (!agentEmpty || settings.defaultKeyPath) return null;
  return (
    <section className="card narrow" aria-labelledby="key-offer-title">
      <h2 id="key-offer-title">{t('keys.offerTitle')}</h2>
      <p>{t('keys.offerBody')}</p>
      <button type="button" className="primary" onClick={onOpen}>
        {t('keys.offer')}
      </button>
    </section>
  );
}
