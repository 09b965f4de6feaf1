// The status line above a session's terminal: which login step runs, the
// countdown while the phone must approve (DUO) with Abbrechen, since when it
// is connected, and Erneut versuchen / Neu verbinden after it ended (with a
// note while it waits to reconnect by itself). Its own component, so the
// countdown's renders each second and the clock's each minute stay out of the
// terminal's tab.
import { useTranslation } from 'react-i18next';
import type { SessionState } from '../../../shared/contract/sessions';
import { useApp } from '../../app/context';
import { useErrorText } from '../../components/errors';
import { useHopText } from '../../components/hop';
import { formatClock, formatCountdown } from '../../components/time-format';
import { useNow } from '../../components/use-now';
import { HostKeyChangedAlert } from './HostKeyChangedAlert';

/**
 * How often the status needs the current time: each second for the DUO
 * countdown; each minute while connected, so "Verbunden seit 23:40" gains its
 * date after midnight; never otherwise.
 */
export function statusClockInterval(state: SessionState['state']): number | undefined {
  if (state === 'waitingForApproval') return 1000;
  if (state === 'connected') return 60_000;
  return undefined;
}

export function SessionStatus({
  state,
  connectedAt,
  host,
  waitingForReuse = false,
  onRetry,
  onClose,
}: {
  state: SessionState;
  /** When the session was connected; undefined while it never was. */
  connectedAt: number | undefined;
  /** Where it connects, named while no login step is known yet. */
  host: string;
  /** Disconnected, and reconnecting by itself once a kept connection is there (autoReconnect). */
  waitingForReuse?: boolean;
  onRetry: () => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const errorText = useErrorText();
  const hopText = useHopText();
  const waiting = state.state === 'waitingForApproval';
  const clockInterval = statusClockInterval(state.state);
  const now = useNow(clockInterval !== undefined, clockInterval);
  const disconnected = state.state === 'disconnected';
  const hostKeyChanged = disconnected && state.error?.code === 'ssh.hostKeyChanged' ? state.error : undefined;

  let statusText: string;
  switch (state.state) {
    case 'connecting':
    case 'authenticating':
      statusText = t(`terminal.state.${state.state}`, { host: state.hop ? hopText.full(state.hop) : host });
      break;
    case 'waitingForApproval':
      statusText = [t('terminal.state.waitingForApproval'), state.hop && hopText.full(state.hop)]
        .filter(Boolean)
        .join(' · ');
      break;
    case 'connected':
      statusText = [
        connectedAt !== undefined
          ? t('terminal.connectedSince', { time: formatClock(connectedAt, now, i18n.language) })
          : t('terminal.state.connected'),
        state.reused ? t('terminal.reused') : '',
      ]
        .filter(Boolean)
        .join(' ');
      break;
    case 'disconnected':
      // A changed host key is told in full by the warning below.
      statusText =
        state.error && !hostKeyChanged
          ? `${t('terminal.state.disconnected')}: ${errorText(state.error)}`
          : t('terminal.state.disconnected');
      break;
  }

  return (
    <>
      <div className={`terminal-status state-${state.state}`} role="status" aria-live="polite">
        <span>
          {statusText}
          {waiting && state.deadline !== undefined && (
            // A timer is not read out every second; the status around it is.
            <>
              {' · '}
              <span role="timer" className="countdown">
                {t('terminal.timeLeft', { time: formatCountdown(state.deadline - now) })}
              </span>
            </>
          )}
          {disconnected && waitingForReuse && (
            <>
              {' · '}
              <span className="reuse-note">{t('terminal.waitingForReuse')}</span>
            </>
          )}
        </span>
        {waiting && (
          <span className="actions">
            <button
              type="button"
              onClick={() => void api.sessions.cancel({ sessionId: state.sessionId }).catch(() => undefined)}
            >
              {t('terminal.cancel')}
            </button>
          </span>
        )}
        {disconnected && (
          <span className="actions">
            <button type="button" className="primary" onClick={onRetry}>
              {/* A login that never succeeded is tried again; a dropped session is reconnected. */}
              {connectedAt === undefined ? t('terminal.retry') : t('terminal.reconnect')}
            </button>
            <button type="button" onClick={onClose}>
              {t('terminal.close')}
            </button>
          </span>
        )}
      </div>
      {hostKeyChanged && <HostKeyChangedAlert error={hostKeyChanged} onReplaced={onRetry} />}
    </>
  );
}
