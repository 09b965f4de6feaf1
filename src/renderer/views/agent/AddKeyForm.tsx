// Load a key file into the agent. The passphrase field appears only when
// main answers keys.passphraseRequired; the passphrase is dropped after use.
// Keeping it in the OS keychain is offered only where main has one (Electron)
// and only for a remembered key; it is off by default.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_AGENT_LIFETIME_SECONDS } from '../../../shared/contract/agent';
import { useApp } from '../../app/context';
import { Field } from '../../components/Field';
import { FileField } from '../../components/FileField';
import { toErrorInfo, useErrorText } from '../../components/errors';
import { ErrorMessage } from '../../components/Messages';

const MAX_MINUTES = MAX_AGENT_LIFETIME_SECONDS / 60;

function parseMinutes(text: string): number | null | 'invalid' {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d+$/.test(trimmed)) return 'invalid';
  const minutes = Number(trimmed);
  return minutes >= 1 && minutes <= MAX_MINUTES ? minutes : 'invalid';
}

export function AddKeyForm({
  onAdded,
  vaultAvailable,
}: {
  onAdded: () => void | Promise<void>;
  /** The OS keychain can keep passphrases (agent.state). */
  vaultAvailable: boolean;
}) {
  const { t } = useTranslation();
  const { api } = useApp();
  const errorText = useErrorText();
  const [path, setPath] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [needsPassphrase, setNeedsPassphrase] = useState(false);
  const [wrongPassphrase, setWrongPassphrase] = useState<string>();
  const [confirm, setConfirm] = useState(false);
  const [lifetime, setLifetime] = useState('');
  const [remember, setRemember] = useState(false);
  const [storePassphrase, setStorePassphrase] = useState(false);
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const [done, setDone] = useState<string>();

  const minutes = parseMinutes(lifetime);
  const invalid = {
    path: path.trim() === '' ? t('agent.add.pathMissing') : undefined,
    lifetime: minutes === 'invalid' ? t('agent.add.lifetimeInvalid') : undefined,
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    setDone(undefined);
    setFailure(undefined);
    if (invalid.path || minutes === 'invalid') return;
    setBusy(true);
    try {
      const key = await api.agent.addFile({
        path,
        ...(needsPassphrase ? { passphrase } : {}),
        confirm,
        ...(minutes ? { lifetimeSeconds: minutes * 60 } : {}),
        remember,
        ...(remember && vaultAvailable ? { storePassphrase } : {}),
      });
      setPassphrase('');
      setNeedsPassphrase(false);
      setWrongPassphrase(undefined);
      setPath('');
      setTouched(false);
      setDone(t('agent.add.added', { name: key.comment || key.fingerprint }));
      await onAdded();
    } catch (error) {
      const { code } = toErrorInfo(error);
      if (code === 'keys.passphraseRequired') {
        setNeedsPassphrase(true);
      } else if (code === 'keys.wrongPassphrase') {
        setNeedsPassphrase(true);
        setWrongPassphrase(errorText(error));
        setPassphrase('');
      } else {
        setFailure(errorText(error));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="agent-add-title">
      <h3 id="agent-add-title">{t('agent.add.title')}</h3>
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="agent-add-title">
        <FileField
          label={t('agent.add.path')}
          hint={t('agent.add.pathHint')}
          value={path}
          spellCheck={false}
          onChange={(chosen) => {
            setPath(chosen);
            setNeedsPassphrase(false);
            setWrongPassphrase(undefined);
          }}
          error={touched ? invalid.path : undefined}
          browseLabel={t('agent.add.browse')}
        />
        {needsPassphrase && (
          <Field
            label={t('agent.add.passphrase')}
            hint={t('agent.add.passphraseHint')}
            type="password"
            autoComplete="off"
            autoFocus
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            error={wrongPassphrase}
          />
        )}
        <Field
          label={t('agent.add.lifetime')}
          hint={t('agent.add.lifetimeHint')}
          inputMode="numeric"
          value={lifetime}
          onChange={(e) => setLifetime(e.target.value)}
          error={touched ? invalid.lifetime : undefined}
        />
        <div className="checks">
          <label>
            <input type="checkbox" checked={confirm} onChange={(e) => setConfirm(e.target.checked)} />{' '}
            {t('agent.add.confirm')}
          </label>
          <label>
            <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />{' '}
            {t('agent.add.remember')}
          </label>
          {vaultAvailable && remember && (
            <div>
              <label>
                <input
                  type="checkbox"
                  checked={storePassphrase}
                  aria-describedby="agent-add-store-hint"
                  onChange={(e) => setStorePassphrase(e.target.checked)}
                />{' '}
                {t('agent.add.storePassphrase')}
              </label>
              <small id="agent-add-store-hint" className="hint">
                {t('agent.add.storePassphraseHint')}
              </small>
            </div>
          )}
        </div>
        <ErrorMessage>{failure}</ErrorMessage>
        {done && <p role="status">{done}</p>}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('agent.add.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
