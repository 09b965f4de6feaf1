// The authenticated connections the app keeps (like OpenSSH's ControlPersist):
// which server and user, since when, until when a new tab can reuse them
// without a new DUO approval, and a way to end each.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeptConnection } from '../../../shared/contract/sessions';
import { useApp } from '../../app/context';
import { useErrorText } from '../../components/errors';
import { hostAndPort } from '../../components/host-port';
import { ErrorMessage } from '../../components/Messages';
import { formatClock } from '../../components/time-format';
import { useNow } from '../../components/use-now';

/** Re-reads the day for the times shown ("bis 02:10" becomes a date after midnight). */
const CLOCK_REFRESH_MS = 60_000;

export function ConnectionsView() {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const errorText = useErrorText();
  const [connections, setConnections] = useState<KeptConnection[]>([]);
  const [failure, setFailure] = useState<string>();
  const now = useNow(true, CLOCK_REFRESH_MS);

  useEffect(() => {
    let alive = true;
    const off = api.on('connections.changed', (list) => {
      alive = false; // An event is newer than any list still on its way.
      setConnections(list);
    });
    api.connections.list({}).then(
      (list) => alive && setConnections(list),
      (error: unknown) => setFailure(errorText(error)),
    );
    return () => {
      alive = false;
      off();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api]);

  const clock = (at: number) => formatClock(at, now, i18n.language);
  const byId = new Map(connections.map((c) => [c.id, c]));
  const end = async (connection: KeptConnection, target: string) => {
    if (connection.reusableUntil === null && !window.confirm(t('connections.confirmEnd', { target }))) return;
    setFailure(undefined);
    try {
      await api.connections.close({ id: connection.id });
      setConnections((list) => list.filter((c) => c.id !== connection.id && c.viaId !== connection.id));
    } catch (error) {
      setFailure(errorText(error));
    }
  };

  return (
    <section className="card" aria-labelledby="connections-title">
      <h2 id="connections-title">{t('connections.title')}</h2>
      <p className="muted">{t('connections.intro')}</p>
      <ErrorMessage>{failure}</ErrorMessage>
      {connections.length === 0 ? (
        <p>{t('connections.empty')}</p>
      ) : (
        <ul className="connections" aria-labelledby="connections-title">
          {connections.map((connection) => {
            const target = `${connection.username}@${hostAndPort(connection.host, connection.port)}`;
            const via = connection.viaId ? byId.get(connection.viaId) : undefined;
            const role = t(`hop.${connection.role}`);
            return (
              <li key={connection.id} aria-label={`${role} ${target}`}>
                <div>
                  <strong>{role}</strong> {target}
                  {via && (
                    <span className="muted">
                      {' '}
                      · {t('connections.via', { portal: hostAndPort(via.host, via.port) })}
                    </span>
                  )}
                  <div className="muted">
                    {t('connections.since', { time: clock(connection.connectedAt) })} ·{' '}
                    {connection.reusableUntil === null
                      ? t('connections.inUse')
                      : t('connections.until', { time: clock(connection.reusableUntil) })}
                  </div>
                </div>
                <button
                  type="button"
                  aria-label={t('connections.endLabel', { target })}
                  onClick={() => void end(connection, target)}
                >
                  {t('connections.end')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
