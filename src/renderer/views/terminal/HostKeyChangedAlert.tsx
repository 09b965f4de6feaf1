import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../shared/errors';
import { useApp } from '../../app/context';
import { useErrorText } from '../../components/errors';

/**
 * A changed host key: refused before any credential left. Only on the user's
 * explicit choice is the stored key forgotten; the next connect then asks as
 * for an unknown host, showing the new fingerprint.
 */
export function HostKeyChangedAlert({ error, onReplaced }: { error: ErrorInfo; onReplaced: () => void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const errorText = useErrorText();
  const [failure, setFailure] = useState<string>();
  const host = String(error.params.host ?? '');
  const port = Number(error.params.port ?? 22);
  const replace = async () => {
    try {
      await api.knownHosts.forget({ host, port });
      onReplaced();
    } catch (problem) {
      setFailure(errorText(problem));
    }
  };
  return (
    <div className="host-key-changed" role="alert">
      <strong>{t('terminal.hostKeyChanged.title', { host, port })}</strong>
      <dl>
        <dt>{t('terminal.hostKeyChanged.known')}</dt>
        <dd>
          {String(error.params.knownKeyType ?? '')} <code>{String(error.params.knownFingerprint ?? '')}</code>
        </dd>
        <dt>{t('terminal.hostKeyChanged.now')}</dt>
        <dd>
          {String(error.params.keyType ?? '')} <code>{String(error.params.fingerprint ?? '')}</code>
        </dd>
      </dl>
      <p>{t('terminal.hostKeyChanged.body')}</p>
      {failure && <p>{failure}</p>}
      <button type="button" className="danger" onClick={() => void replace()}>
        {t('terminal.hostKeyChanged.replace')}
      </button>
    </div>
  );
}
