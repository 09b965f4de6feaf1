// The keys the agent holds, as a table (public facts only).
import { useTranslation } from 'react-i18next';
import type { AgentKey } from '../../../shared/contract/agent';

export function KeyTable({
  keys,
  onRemove,
  onRemoveAll,
}: {
  keys: AgentKey[];
  onRemove: (key: AgentKey) => void;
  onRemoveAll: () => void;
}) {
  const { t, i18n } = useTranslation();
  const time = (ms: number | null) =>
    ms === null ? t('agent.keys.never') : new Date(ms).toLocaleString(i18n.language);
  const name = (key: AgentKey) => key.comment || key.fingerprint;
  return (
    <section className="card wide" aria-labelledby="agent-keys-title">
      <div className="row spread">
        <h3 id="agent-keys-title">{t('agent.keys.title')}</h3>
        {keys.length > 0 && (
          <button type="button" onClick={onRemoveAll}>
            {t('agent.keys.removeAll')}
          </button>
        )}
      </div>
      {keys.length === 0 ? (
        <p>{t('agent.keys.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="agent-keys" aria-labelledby="agent-keys-title">
            <thead>
              <tr>
                <th scope="col">{t('agent.keys.type')}</th>
                <th scope="col">{t('agent.keys.bits')}</th>
                <th scope="col">{t('agent.keys.comment')}</th>
                <th scope="col">{t('agent.keys.fingerprint')}</th>
                <th scope="col">{t('agent.keys.source')}</th>
                <th scope="col">{t('agent.keys.added')}</th>
                <th scope="col">{t('agent.keys.uses')}</th>
                <th scope="col">{t('agent.keys.lastUse')}</th>
                <th scope="col">{t('agent.keys.confirm')}</th>
                <th scope="col">{t('agent.keys.expires')}</th>
                <th scope="col">{t('agent.keys.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((key) => (
                <tr key={key.fingerprint} aria-label={name(key)}>
                  <td>{key.type}</td>
                  <td>{key.bits}</td>
                  <td>{key.comment}</td>
                  <td>
                    <code>{key.fingerprint}</code>
                  </td>
                  <td>
                    <span className="source">{key.source}</span>
                    {key.remembered && <small className="muted"> ({t('agent.keys.remembered')})</small>}
                    {key.passphraseStored && (
                      <small className="muted"> ({t('agent.keys.passphraseStored')})</small>
                    )}
                  </td>
                  <td>{time(key.addedAt)}</td>
                  <td>{key.useCount}</td>
                  <td>{time(key.lastUsedAt)}</td>
                  <td>{key.confirm ? t('agent.keys.yes') : t('agent.keys.no')}</td>
                  <td>{time(key.expiresAt)}</td>
                  <td>
                    <button
                      type="button"
                      aria-label={t('agent.keys.removeLabel', { name: name(key) })}
                      onClick={() => onRemove(key)}
                    >
                      {t('agent.keys.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
