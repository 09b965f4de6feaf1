// Lock the agent with a password of the user's choice (ssh-add -x), or unlock it.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/context';
import { Field } from '../../components/Field';
import { useErrorText } from '../../components/errors';

export function LockForm({ locked }: { locked: boolean }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const errorText = useErrorText();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (passphrase === '') return;
    setBusy(true);
    setFailure(undefined);
    try {
      if (locked) await api.agent.unlock({ passphrase });
      else await api.agent.lock({ passphrase });
      setPassphrase('');
    } catch (error) {
      setFailure(errorText(error));
      setPassphrase('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="agent-lock-title">
      <h3 id="agent-lock-title">{t('agent.lock.title')}</h3>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field
          key={locked ? 'unlock' : 'lock'}
          label={locked ? t('agent.lock.unlockPassphrase') : t('agent.lock.lockPassphrase')}
          hint={locked ? undefined : t('agent.lock.lockHint')}
          type="password"
          autoComplete="off"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          error={failure}
        />
        <button type="submit" className="primary" disabled={busy || passphrase === ''}>
          {locked ? t('agent.lock.unlock') : t('agent.lock.lock')}
        </button>
      </form>
    </section>
  );
}
