// After a key is set up: offer what Windows users did with Pageant, start at
// login in the tray with this key loaded. Only where the shell can start the
// app at login (the desktop app), and only while it does not yet.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/model/settings';
import { useApp } from '../../app/context';
import { useErrorText } from '../../components/errors';
import { ContractError } from '../../../shared/contract/api';

/** The settings that start the app hidden at login with `keyPath` loaded (kept once in the list). */
export function startAtLoginWithKey(settings: Settings, keyPath: string) {
  return {
    startAtLogin: true,
    startHidden: true,
    agentKeyPaths: settings.agentKeyPaths.includes(keyPath)
      ? settings.agentKeyPaths
      : [...settings.agentKeyPaths, keyPath],
  };
}

export function StartAtLoginOffer(props: {
  keyPath: string;
  settings: Settings;
  onSettings: (settings: Settings) => void;
}) {
  const { t } = useTranslation();
  const { api, info } = useApp();
  const errorText = useErrorText();
  const [state, setState] = useState<'offer' | 'done'>('offer');
  const [error, setError] = useState<string>();
  if (!info.startAtLogin || (props.settings.startAtLogin && state === 'offer')) return null;

  const accept = async () => {
    try {
      props.onSettings(await api.settings.update(startAtLoginWithKey(props.settings, props.keyPath)));
      setState('done');
    } catch (failure) {
      setError(errorText(failure instanceof ContractError ? failure.info : failure));
    }
  };

  return (
    <section className="card" aria-labelledby="key-start-at-login-title">
      <h3 id="key-start-at-login-title">{t('keys.startAtLogin.title')}</h3>
      {state === 'done' ? (
        <p role="status">{t('keys.startAtLogin.done')}</p>
      ) : (
        <>
          <p>{t('keys.startAtLogin.body')}</p>
          <div className="actions">
            <button type="button" onClick={() => void accept()}>
              {t('keys.startAtLogin.accept')}
            </button>
          </div>
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
        </>
      )}
    </section>
  );
}
