// One ticked key file after the import: loaded into the agent at once, or a
// small passphrase form when the file asks for one (retry or skip).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/context';
import { useErrorText } from '../../components/errors';
import { Field } from '../../components/Field';
import { loadKeyFile, type KeyFileStep } from './key-file-load';

export function KeyFileLoad({ path }: { path: string }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const errorText = useErrorText();
  const [state, setState] = useState<KeyFileStep>({ step: 'loading' });
  const [passphrase, setPassphrase] = useState('');
  // Once, also under StrictMode's second effect run: each try may ask the agent's policy or a prompt.
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void loadKeyFile(api, errorText, path).then(setState);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!passphrase) return;
    setState({ step: 'loading' });
    const next = await loadKeyFile(api, errorText, path, passphrase);
    // The passphrase is not kept longer than the try.
    setPassphrase('');
    setState(next);
  };

  return (
    <li className="key-file-load">
      <p>
        <code>{path}</code>
      </p>
      {state.step === 'loading' && <p role="status">{t('movingIn.keyLoad.loading')}</p>}
      {state.step === 'loaded' && <p role="status">{t('movingIn.keyLoad.loaded', { name: state.name })}</p>}
      {state.step === 'skipped' && <p role="status">{t('movingIn.keyLoad.skipped')}</p>}
      {state.step === 'failed' && (
        <p role="alert" className="error">
          {state.error}
        </p>
      )}
      {state.step === 'passphrase' && (
        <form onSubmit={(e) => void submit(e)} noValidate aria-label={path}>
          <p>{t('movingIn.keyLoad.passphraseNeeded')}</p>
          <Field
            label={t('movingIn.keyLoad.passphrase', { path })}
            type="password"
            autoComplete="off"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            error={state.wrong}
          />
          <div className="actions">
            <button type="submit" className="primary" disabled={!passphrase}>
              {t('movingIn.keyLoad.load')}
            </button>
            <button type="button" onClick={() => setState({ step: 'skipped' })}>
              {t('movingIn.keyLoad.skip')}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
