// Where other programs find the agent: the socket with a copyable
// `export SSH_AUTH_SOCK=...` line and the IdentityAgent entry, or the pipes.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentStateInfo } from '../../../shared/contract/agent';
import { useErrorText } from '../../components/errors';

function CopyLine({ label, text }: { label: string; text: string }) {
  const { t } = useTranslation();
  const [note, setNote] = useState<string>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setNote(t('agent.socket.copied'));
    } catch {
      setNote(t('agent.socket.copyFailed'));
    }
  };
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <div className="row">
          <code aria-label={label}>{text}</code>
          <button
            type="button"
            aria-label={t('agent.socket.copyLabel', { what: label })}
            onClick={() => void copy()}
          >
            {t('agent.socket.copy')}
          </button>
        </div>
        {note && (
          <small role="status" className="muted">
            {note}
          </small>
        )}
      </dd>
    </>
  );
}

export function SocketInfo({ state }: { state: AgentStateInfo }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { socket, pipes } = state;
  return (
    <section className="card" aria-labelledby="agent-socket-title">
      <h3 id="agent-socket-title">{t('agent.socket.title')}</h3>
      <p className="muted">{t('agent.socket.intro')}</p>
      {state.socketError && (
        <p role="alert" className="error">
          {errorText(state.socketError)}
        </p>
      )}
      {socket && (
        <dl>
          <dt>{t('agent.socket.path')}</dt>
          <dd>
            <code aria-label={t('agent.socket.path')}>{socket.path}</code>
          </dd>
          <CopyLine label={t('agent.socket.exportLine')} text={socket.exportLine} />
          <CopyLine label={t('agent.socket.snippet')} text={socket.configSnippet} />
        </dl>
      )}
      {pipes && (
        <dl>
          {pipes.openSsh && <CopyLine label={t('agent.socket.pipeOpenSsh')} text={pipes.openSsh} />}
          {pipes.configSnippet && <CopyLine label={t('agent.socket.snippet')} text={pipes.configSnippet} />}
          {pipes.pageant ? (
            <CopyLine label={t('agent.socket.pipePageant')} text={pipes.pageant} />
          ) : (
            <dd className="muted">{t('agent.socket.pipePageantMissing')}</dd>
          )}
        </dl>
      )}
      {!socket && !pipes && !state.socketError && <p>{t('agent.socket.none')}</p>}
    </section>
  );
}
