// One session in a tab: xterm.js fit to the pane, input to the server,
// output through the contract's flow-controlled stream. PuTTY habits: select
// copies, right click pastes. The status line says which login step runs,
// counts down while the phone must approve (DUO), and offers Retry.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import type { SessionState, SessionTarget } from '../../../shared/contract/sessions';
import type { ErrorInfo } from '../../../shared/errors';
import { useApp } from '../../app/context';
import { toErrorInfo, useErrorText } from '../../components/errors';
import { useHopText } from '../../components/hop';
import { formatClock, formatCountdown } from '../../components/time-format';
import { useNow } from '../../components/use-now';
import { AckBatcher } from './ack-batcher';
import { clipboardAction } from './clipboard-keys';

interface TerminalTabProps {
  target: SessionTarget;
  /** The profile's name or the quick connect's host. */
  title: string;
  /** Where it connects, named while no login step is known yet. */
  host: string;
  active: boolean;
  onClose: () => void;
  onState: (state: SessionState['state']) => void;
}

const targetId = (target: SessionTarget) =>
  'profileId' in target ? target.profileId : `quick:${target.quick.kind}:${target.quick.host}`;

export function TerminalTab({ target, title, host, active, onClose, onState }: TerminalTabProps) {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const errorText = useErrorText();
  const hopText = useHopText();
  const pane = useRef<HTMLDivElement>(null);
  const termRef = useRef<Terminal>(undefined);
  const initial = (): SessionState => ({ sessionId: '', profileId: targetId(target), state: 'connecting' });
  const [state, setState] = useState<SessionState>(initial);
  /** When this tab saw `connected` (a reused connection's own time comes with it). */
  const [connectedAt, setConnectedAt] = useState<number>();
  const [attempt, setAttempt] = useState(0);
  const waiting = state.state === 'waitingForApproval';
  const now = useNow(waiting);

  // The terminal lives as long as the tab; sessions come and go in it.
  useEffect(() => {
    const term = new Terminal({
      fontFamily: 'ui-monospace, "Cascadia Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace',
      fontSize: 14,
      scrollback: 10_000,
      cursorBlink: true,
      rightClickSelectsWord: false,
      theme: { background: '#1e1e1e' },
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(pane.current!);
    fit.fit();
    const observer = new ResizeObserver(() => {
      if (pane.current?.offsetParent) fit.fit();
    });
    observer.observe(pane.current!);
    const selection = term.onSelectionChange(() => {
      const text = term.getSelection();
      if (text) void navigator.clipboard?.writeText(text).catch(() => undefined);
    });
    const pasteClipboard = () =>
      void navigator.clipboard?.readText().then(
        (text) => text && term.paste(text),
        () => undefined,
      );
    const paste = (event: MouseEvent) => {
      event.preventDefault();
      pasteClipboard();
    };
    pane.current!.addEventListener('contextmenu', paste);
    term.attachCustomKeyEventHandler((event) => {
      const action = clipboardAction(event);
      if (action === 'paste') pasteClipboard();
      if (action === 'copy' && term.hasSelection())
        void navigator.clipboard?.writeText(term.getSelection()).catch(() => undefined);
      // Handled keys do not reach the server.
      if (action) event.preventDefault();
      return action === null;
    });
    termRef.current = term;
    return () => {
      observer.disconnect();
      selection.dispose();
      term.dispose();
    };
  }, []);

  useEffect(() => {
    // Also when the session changes state: after the host key or passphrase
    // dialog closes, typing goes to the terminal, not to a hidden button.
    if (active) termRef.current?.focus();
  }, [active, state.state]);

  // One connection per attempt (first connect and every Reconnect).
  useEffect(() => {
    const terminal = termRef.current!;
    let sessionId: string | undefined;
    // Set by the cleanup: this attempt's tab was closed or a Reconnect replaced it.
    let ended = false;
    // Events that arrive before `sessions.open` answered, kept with their session id.
    const early: Array<{ id: string; run: () => void }> = [];
    const acks = new AckBatcher((bytes) => {
      if (sessionId) void api.terminal.ack({ sessionId, bytes }).catch(() => undefined);
    });
    const write = (data: Uint8Array) => terminal.write(data, () => acks.processed(data.byteLength));
    const offData = api.on('terminal.data', (event) => {
      if (event.sessionId === sessionId) write(event.data);
      else if (!sessionId) early.push({ id: event.sessionId, run: () => write(event.data) });
    });
    const offState = api.on('session.state', (event) => {
      const apply = () => {
        setState(event);
        if (event.state === 'connected') setConnectedAt(event.connection?.connectedAt ?? Date.now());
        onState(event.state);
        if (event.state === 'disconnected') {
          terminal.write(
            `\r\n\x1b[2m${event.exitCode !== undefined ? t('terminal.exited', { code: event.exitCode }) : t('terminal.state.disconnected')}\x1b[0m\r\n`,
          );
        }
      };
      if (event.sessionId === sessionId) apply();
      else if (!sessionId) early.push({ id: event.sessionId, run: apply });
    });
    const input = terminal.onData((data) => {
      if (sessionId) void api.terminal.write({ sessionId, data }).catch(() => undefined);
    });
    const resize = terminal.onResize(({ cols, rows }) => {
      if (sessionId) void api.terminal.resize({ sessionId, cols, rows }).catch(() => undefined);
    });
    onState('connecting');
    api.sessions.open({ ...target, cols: terminal.cols, rows: terminal.rows }).then(
      (opened) => {
        // Closed before main answered (or React's StrictMode remount): nobody
        // shows this session, so it must not go on connecting and prompting.
        if (ended) return void api.sessions.close({ sessionId: opened.sessionId }).catch(() => undefined);
        sessionId = opened.sessionId;
        for (const { id, run } of early.splice(0)) if (id === sessionId) run();
      },
      (error: unknown) => {
        if (ended) return;
        setState({ ...initial(), state: 'disconnected', error: toErrorInfo(error) });
        onState('disconnected');
        terminal.write(`\r\n\x1b[31m${errorText(error)}\x1b[0m\r\n`);
      },
    );
    return () => {
      ended = true;
      offData();
      offState();
      input.dispose();
      resize.dispose();
      if (sessionId) void api.sessions.close({ sessionId }).catch(() => undefined);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt]);

  const disconnected = state.state === 'disconnected';
  const hostKeyChanged = disconnected && state.error?.code === 'ssh.hostKeyChanged' ? state.error : undefined;
  const retry = () => {
    setState(initial());
    setConnectedAt(undefined);
    setAttempt((n) => n + 1);
  };

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
    <div className="terminal-tab" hidden={!active}>
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
            <button type="button" className="primary" onClick={retry}>
              {/* A login that never succeeded is tried again; a dropped session is reconnected. */}
              {connectedAt === undefined ? t('terminal.retry') : t('terminal.reconnect')}
            </button>
            <button type="button" onClick={onClose}>
              {t('terminal.close')}
            </button>
          </span>
        )}
      </div>
      {hostKeyChanged && <HostKeyChangedAlert error={hostKeyChanged} onReplaced={retry} />}
      <div
        className="terminal-pane"
        ref={pane}
        role="region"
        aria-label={t('terminal.label', { name: title })}
      />
    </div>
  );
}

/**
 * A changed host key: refused before any credential left. Only on the user's
 * explicit choice is the stored key forgotten; the next connect then asks as
 * for an unknown host, showing the new fingerprint.
 */
function HostKeyChangedAlert({ error, onReplaced }: { error: ErrorInfo; onReplaced: () => void }) {
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
