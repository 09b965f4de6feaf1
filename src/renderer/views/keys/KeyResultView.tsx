// The result: the public key (read-only, copyable), its fingerprint, the
// files, and the prepared mail to support. Only public information is shown.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyResult } from '../../../shared/contract/keys';
import { defaultRemoteUser, type Language, type Settings } from '../../../shared/model/settings';
import { mailtoHref, supportMail } from './support-mail';
import { StartAtLoginOffer } from './StartAtLoginOffer';

function typeLabel(result: KeyResult): string {
  if (result.type === 'ssh-ed25519') return 'ED25519';
  if (result.type === 'ssh-rsa') return 'RSA';
  return result.type;
}

export function KeyResultView(props: {
  result: KeyResult;
  settings: Settings;
  onSettings: (settings: Settings) => void;
  onAgain: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { result, settings } = props;
  const boxId = useId();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  const copyKey = async () => {
    try {
      await navigator.clipboard.writeText(result.publicKey);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };

  const remoteUser = defaultRemoteUser(settings);
  const missing = [
    !remoteUser && t('keys.remoteUser'),
    !settings.phone && t('keys.phone'),
    !settings.email && t('keys.email'),
  ].filter(Boolean);
  const language: Language = i18n.language === 'en' ? 'en' : 'de';
  const href =
    missing.length === 0
      ? mailtoHref(
          supportMail(
            {
              publicKey: result.publicKey,
              fingerprint: result.fingerprint,
              remoteUser,
              phone: settings.phone,
              email: settings.email,
            },
            language,
          ),
        )
      : undefined;

  return (
    <section aria-labelledby="key-result-title">
      <h2 id="key-result-title">{t('keys.resultTitle')}</h2>
      <p>{t('keys.resultIntro')}</p>
      <div className="field">
        <label htmlFor={boxId}>{t('keys.publicKey')}</label>
        <textarea
          id={boxId}
          className="public-key"
          readOnly
          rows={3}
          value={result.publicKey}
          spellCheck={false}
        />
      </div>
      <div className="actions">
        <button type="button" onClick={() => void copyKey()}>
          {t('keys.copy')}
        </button>
        <span role="status">
          {copy === 'copied' ? t('keys.copied') : copy === 'failed' ? t('keys.copyFailed') : ''}
        </span>
      </div>
      <dl>
        <dt>{t('keys.fingerprint')}</dt>
        <dd>
          <code>{result.fingerprint}</code>
        </dd>
        <dt>{t('keys.keyType')}</dt>
        <dd>{t('keys.bits', { type: typeLabel(result), bits: result.bits })}</dd>
        <dt>{t('keys.privateFile')}</dt>
        <dd>
          <code>{result.path}</code>
        </dd>
        {result.publicKeyPath && (
          <>
            <dt>{t('keys.publicFile')}</dt>
            <dd>
              <code>{result.publicKeyPath}</code>
            </dd>
          </>
        )}
        {result.ppkPath && (
          <>
            <dt>{t('keys.ppkFile')}</dt>
            <dd>
              <code>{result.ppkPath}</code>
            </dd>
          </>
        )}
        {remoteUser && (
          <>
            <dt>{t('keys.remoteUser')}</dt>
            <dd>
              <code>{remoteUser}</code>
            </dd>
          </>
        )}
      </dl>
      <p>{t('keys.mailIntro')}</p>
      <div className="actions">
        {href ? (
          <a className="button primary" href={href}>
            {t('keys.mail')}
          </a>
        ) : (
          <p role="alert" className="error">
            {t('keys.mailMissing', { fields: missing.join(', ') })}
          </p>
        )}
        <button type="button" onClick={props.onAgain}>
          {t('keys.again')}
        </button>
      </div>
      <StartAtLoginOffer keyPath={result.path} settings={settings} onSettings={props.onSettings} />
    </section>
  );
}
