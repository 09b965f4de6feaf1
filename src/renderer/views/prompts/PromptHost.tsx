// Shows the prompts main is waiting on, one at a time, as modal dialogs.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Prompt, PromptAnswer } from '../../../shared/contract/prompts';
import { useApp } from '../../app/context';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { useHopText } from '../../components/hop';
import { ConfirmUsePrompt } from '../agent/ConfirmUsePrompt';
import { KeyboardInteractivePrompt } from './KeyboardInteractivePrompt';

function HostKeyPrompt({
  prompt,
  answer,
}: {
  prompt: Extract<Prompt, { kind: 'hostKey' }>;
  answer: (a: PromptAnswer) => void;
}) {
  const { t } = useTranslation();
  const hopText = useHopText();
  const decide = (decision: 'acceptAndRemember' | 'connectOnce' | 'cancel') =>
    answer({ kind: 'hostKey', decision });
  return (
    <Dialog title={t('prompts.hostKey.title')} onCancel={() => decide('cancel')}>
      {/* Through a portal: which of the two servers presents this key. */}
      {prompt.hop && <p className="hop-step">{hopText.full(prompt.hop)}</p>}
      <p>{t('prompts.hostKey.body', { host: prompt.host, port: prompt.port })}</p>
      <dl>
        <dt>{t('prompts.hostKey.keyType')}</dt>
        <dd>{prompt.keyType}</dd>
        <dt>{t('prompts.hostKey.fingerprint')}</dt>
        <dd>
          <code aria-label={t('prompts.hostKey.fingerprint')}>{prompt.fingerprint}</code>
        </dd>
      </dl>
      <div className="actions">
        <button type="button" className="primary" onClick={() => decide('acceptAndRemember')}>
          {t('prompts.hostKey.acceptAndRemember')}
        </button>
        <button type="button" onClick={() => decide('connectOnce')}>
          {t('prompts.hostKey.connectOnce')}
        </button>
        <button type="button" onClick={() => decide('cancel')}>
          {t('prompts.hostKey.cancel')}
        </button>
      </div>
    </Dialog>
  );
}

function PassphrasePrompt({
  prompt,
  answer,
}: {
  prompt: Extract<Prompt, { kind: 'passphrase' }>;
  answer: (a: PromptAnswer) => void;
}) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const cancel = () => answer({ kind: 'passphrase', passphrase: null });
  return (
    <Dialog title={t('prompts.passphrase.title')} onCancel={cancel}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          answer({ kind: 'passphrase', passphrase });
        }}
      >
        <p>{t('prompts.passphrase.body', { key: prompt.keyName })}</p>
        {prompt.retry && (
          <p role="alert" className="error">
            {t('prompts.passphrase.retry')}
          </p>
        )}
        <Field
          label={t('prompts.passphrase.label')}
          type="password"
          autoComplete="off"
          autoFocus
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
        />
        <div className="actions">
          <button type="submit" className="primary">
            {t('prompts.passphrase.ok')}
          </button>
          <button type="button" onClick={cancel}>
            {t('prompts.passphrase.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function PromptHost() {
  const { api } = useApp();
  const [prompts, setPrompts] = useState<Prompt[]>([]);
  useEffect(() => {
    const offOpened = api.on('prompt.opened', (prompt) => setPrompts((list) => [...list, prompt]));
    const offClosed = api.on('prompt.closed', ({ id }) =>
      setPrompts((list) => list.filter((p) => p.id !== id)),
    );
    void api.prompts.pending().then(
      (pending) =>
        setPrompts((list) => [...pending.filter((p) => !list.some((q) => q.id === p.id)), ...list]),
      // Without the bridge nothing can be answered anyway; the app shows that it is lost.
      () => undefined,
    );
    return () => {
      offOpened();
      offClosed();
    };
  }, [api]);
  const current = prompts[0];
  if (!current) return null;
  const answer = (a: PromptAnswer) => {
    setPrompts((list) => list.filter((p) => p.id !== current.id));
    // A prompt that is gone (answered elsewhere, timed out) just stays closed.
    void api.prompts.answer({ id: current.id, answer: a }).catch(() => undefined);
  };
  switch (current.kind) {
    case 'hostKey':
      return <HostKeyPrompt key={current.id} prompt={current} answer={answer} />;
    case 'passphrase':
      return <PassphrasePrompt key={current.id} prompt={current} answer={answer} />;
    case 'confirmUse':
      return <ConfirmUsePrompt key={current.id} prompt={current} answer={answer} />;
    case 'keyboardInteractive':
      return <KeyboardInteractivePrompt key={current.id} prompt={current} answer={answer} />;
  }
}
