// The agent (Pageant's job): loaded keys, adding one from a file, lock, the
// socket for other programs, keys remembered for the start, refusals.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentKey, AgentStateInfo } from '../../../shared/contract/agent';
import type { Settings } from '../../../shared/model/settings';
import type { ViewContext } from '../../app/context';
import { useApp } from '../../app/context';
import { useErrorText } from '../../components/errors';
import { AddKeyForm } from './AddKeyForm';
import { KeyTable } from './KeyTable';
import { LockForm } from './LockForm';
import { SocketInfo } from './SocketInfo';
import './agent.css';
import { ErrorMessage } from '../../components/Messages';

/** Use counts change without an event; the view refreshes them while it is open. */
const REFRESH_MS = 5_000;

export function AgentView({ settings, onSettings }: ViewContext) {
  const { t } = useTranslation();
  const { api } = useApp();
  const errorText = useErrorText();
  const [state, setState] = useState<AgentStateInfo>();
  const [keys, setKeys] = useState<AgentKey[]>([]);
  const [failure, setFailure] = useState<string>();

  useEffect(() => {
    let alive = true;
    const load = () =>
      Promise.all([api.agent.state(), api.agent.list()]).then(
        ([s, k]) => {
          if (!alive) return;
          setState(s);
          setKeys(k);
        },
        (error: unknown) => alive && setFailure(errorText(error)),
      );
    void load();
    const off = api.on('agent.changed', (change) => {
      setState(change.state);
      setKeys(change.keys);
    });
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      alive = false;
      off();
      clearInterval(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api]);

  const run = async (action: () => Promise<unknown>) => {
    setFailure(undefined);
    try {
      await action();
    } catch (error) {
      setFailure(errorText(error));
    }
  };

  const forget = (path: string) =>
    run(async () => {
      const next: Settings = await api.settings.update({
        agentKeyPaths: settings.agentKeyPaths.filter((p) => p !== path),
      });
      onSettings(next);
      setKeys(await api.agent.list());
    });

  return (
    <div className="agent-view">
      <section className="card" aria-labelledby="agent-title">
        <h2 id="agent-title">{t('agent.title')}</h2>
        <p className="muted">{t('agent.intro')}</p>
        {state && (
          <p role="status">
            {t('agent.summary', { count: state.keyCount })}
            {state.locked && <strong> · {t('agent.lockedState')}</strong>}
          </p>
        )}
        <ErrorMessage>{failure}</ErrorMessage>
      </section>

      {state && state.refusals.length > 0 && (
        <section className="card" aria-labelledby="agent-refusals-title">
          <div className="row spread">
            <h3 id="agent-refusals-title">{t('agent.refusals.title')}</h3>
            <button type="button" onClick={() => void run(() => api.agent.dismissRefusals())}>
              {t('agent.refusals.dismiss')}
            </button>
          </div>
          <ul aria-labelledby="agent-refusals-title">
            {state.refusals.map((refusal) => (
              <li key={`${refusal.at}-${refusal.source}-${refusal.type}`}>
                <strong>
                  {t('agent.refusals.item', {
                    type: refusal.type,
                    bits: refusal.bits,
                    source: refusal.source,
                  })}
                  {refusal.comment ? ` „${refusal.comment}“` : ''}
                </strong>
                : <span className="error">{errorText(refusal.error)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <KeyTable
        keys={keys}
        onRemove={(key) => run(() => api.agent.remove({ fingerprint: key.fingerprint }))}
        onRemoveAll={() => run(() => api.agent.removeAll())}
      />

      <AddKeyForm
        vaultAvailable={state?.vaultAvailable ?? false}
        onAdded={async () => {
          // "remember" changed the settings in main; keep the frame's copy current.
          onSettings(await api.settings.get());
        }}
      />

      {settings.agentKeyPaths.length > 0 && (
        <section className="card" aria-labelledby="agent-remembered-title">
          <h3 id="agent-remembered-title">{t('agent.remembered.title')}</h3>
          <p className="muted">{t('agent.remembered.intro')}</p>
          <ul className="profiles" aria-labelledby="agent-remembered-title">
            {settings.agentKeyPaths.map((path) => (
              <li key={path}>
                <code>{path}</code>
                <button
                  type="button"
                  aria-label={t('agent.remembered.forgetLabel', { path })}
                  onClick={() => void forget(path)}
                >
                  {t('agent.remembered.forget')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      {state && <LockForm locked={state.locked} />}
      {state && <SocketInfo state={state} />}
    </div>
  );
}
