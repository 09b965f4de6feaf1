// Confirm-each-use (ssh-add -c): which key, for which destination, allow or
// deny. Main denies on its own at the deadline; the countdown says so.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Prompt, PromptAnswer } from '../../../shared/contract/prompts';
import { Dialog } from '../../components/Dialog';

export function ConfirmUsePrompt({
  prompt,
  answer,
}: {
  prompt: Extract<Prompt, { kind: 'confirmUse' }>;
  answer: (a: PromptAnswer) => void;
}) {
  const { t } = useTranslation();
  const secondsLeft = () => Math.max(0, Math.ceil((prompt.deadline - Date.now()) / 1000));
  const [seconds, setSeconds] = useState(secondsLeft);
  useEffect(() => {
    const timer = setInterval(() => setSeconds(secondsLeft()), 1000);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [prompt.deadline]);
  const decide = (allow: boolean) => answer({ kind: 'confirmUse', allow });
  const comment = prompt.keyComment || prompt.keyFingerprint;
  return (
    <Dialog title={t('agent.confirmUse.title')} onCancel={() => decide(false)}>
      <div className="confirm-use">
        <p>
          {prompt.client === 'app'
            ? t('agent.confirmUse.bodyApp', { comment })
            : t('agent.confirmUse.bodySocket', { comment })}
        </p>
        <dl>
          <dt>{t('agent.confirmUse.key')}</dt>
          <dd>
            {prompt.keyType} {prompt.keyComment}
          </dd>
          <dt>{t('agent.confirmUse.fingerprint')}</dt>
          <dd>
            <code aria-label={t('agent.confirmUse.fingerprint')}>{prompt.keyFingerprint}</code>
          </dd>
          <dt>{t('agent.confirmUse.destination')}</dt>
          <dd aria-label={t('agent.confirmUse.destination')}>
            {prompt.destination ?? t('agent.confirmUse.unknownDestination')}
          </dd>
        </dl>
        {prompt.forwarded && (
          <p role="alert" className="error">
            {t('agent.confirmUse.forwarded')}
          </p>
        )}
        <p className="countdown">{t('agent.confirmUse.countdown', { seconds })}</p>
        <div className="actions">
          <button type="button" className="primary" onClick={() => decide(true)}>
            {t('agent.confirmUse.allow')}
          </button>
          <button type="button" autoFocus onClick={() => decide(false)}>
            {t('agent.confirmUse.deny')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
