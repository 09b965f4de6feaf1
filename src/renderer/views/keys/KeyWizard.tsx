// The guided key wizard: create a new key or use an existing one, then show
// the public key, its fingerprint and the mail to support. Main does the
// work (generation in its worker, files, agent); this view only asks.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyResult } from '../../../shared/contract/keys';
import type { Settings } from '../../../shared/model/settings';
import type { ViewContext } from '../../app/context';
import { ExistingKeyForm } from './ExistingKeyForm';
import { KeyResultView } from './KeyResultView';
import { NewKeyForm } from './NewKeyForm';
import './keys.css';

/** The wizard's place among the app's fixed views. */
export const KEY_WIZARD_VIEW_ID = -1;

type Step = 'choose' | 'new' | 'existing' | 'result';

export function KeyWizard({ settings, onSettings }: ViewContext) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>('choose');
  const [result, setResult] = useState<KeyResult>();

  const done = (key: KeyResult, updated: Settings) => {
    onSettings(updated);
    setResult(key);
    setStep('result');
  };

  return (
    <section className="card" aria-labelledby="key-wizard-title">
      <h1 id="key-wizard-title">{t('keys.title')}</h1>
      {step === 'choose' && (
        <>
          <p>{t('keys.intro')}</p>
          <div className="choices">
            <button
              type="button"
              className="choice primary"
              aria-describedby="key-choose-new"
              onClick={() => setStep('new')}
            >
              {t('keys.chooseNew')}
            </button>
            <small id="key-choose-new" className="hint">
              {t('keys.chooseNewHint')}
            </small>
            <button
              type="button"
              className="choice"
              aria-describedby="key-choose-existing"
              onClick={() => setStep('existing')}
            >
              {t('keys.chooseExisting')}
            </button>
            <small id="key-choose-existing" className="hint">
              {t('keys.chooseExistingHint')}
            </small>
          </div>
        </>
      )}
      {step === 'new' && <NewKeyForm settings={settings} onDone={done} onBack={() => setStep('choose')} />}
      {step === 'existing' && (
        <ExistingKeyForm settings={settings} onDone={done} onBack={() => setStep('choose')} />
      )}
      {step === 'result' && result && (
        <KeyResultView
          result={result}
          settings={settings}
          onSettings={onSettings}
          onAgain={() => {
            setResult(undefined);
            setStep('choose');
          }}
        />
      )}
    </section>
  );
}
