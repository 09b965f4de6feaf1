// One session in a tab: xterm.js fit to the pane, input to the server,
// output through the contract's flow-controlled stream. PuTTY habits: select
// copies, right click pastes. Above it, the session's status (SessionStatus).
// A profile with autoReconnect waits after a drop for a kept connection to
// reconnect over (auto-reconnect.ts); a new login starts only on the user's click.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import type { SessionState, SessionTarget } from '../../../shared/contract/sessions';
import { useApp } from '../../app/context';
import { toErrorInfo, useErrorText } from '../../components/errors';
import { AckBatcher } from './ack-batcher';
import {
  afterAutomaticAttempt,
  hasNewConnection,
  shouldWaitForReuse,
  tryReuseAtOnce,
} from './auto-reconnect';
import { clipboardAction } from './clipboard-keys';
import { offerToProbe } from './output-probe';
import { SessionStatus } from './SessionStatus';

interface TerminalTabProps {
  target: SessionTarget;
  /** The profile's name or the quick connect's host. */
  title: string;
  /** Where it connects, named while no login step is known yet. */
  host: string;
  active: boolean;
  /** The profile's choice to reconnect by itself over a kept connection (never for a quick connect). */
  autoReconnect: boolean;
  onClose: () => void;
  onState: (state: SessionState['state']) => void;
}

const targetId = (target: SessionTarget) =>
  'profileId' in target ? target.profileId : `quick:${target.quick.kind}:${target.quick.host}`;

/** One connection attempt: the first, each Reconnect, and each automatic (reuse-only) one. */
interface Attempt {
  n: number;
  automatic: boolean;
}

export function TerminalTab({
  target,
  title,
  host,
  active,
  autoReconnect,
  onClose,
  onState,
}: TerminalTabProps) {
  const { t } = useTranslation();
  const { api } = useApp();
  const errorText = useErrorText();
  const pane = useRef<HTMLDivElement>(null);
  const termRef = useRef<Terminal>(undefined);
  const initial = (): SessionState => ({ sessionId: '', profileId: targetId(target), state: 'connecting' });
  const [state, setState] = useState<SessionState>(initial);
  /** When this tab saw `connected` (a reused connection's own time comes with it). */
  const [connectedAt, setConnectedAt] = useState<number>();
  const [attempt, setAttempt] = useState<Attempt>({ n: 0, automatic: false });
  /** After a drop: waiting for a kept connection to reconnect over. */
  const [waitingForReuse, setWaitingForReuse] = useState(false);
  const automaticRunning = useRef(false);
  /** A connection appeared while an automatic attempt ran. */
  const appearedMeanwhile = useRef(false);

  const reuseNow = () => {
    automaticRunning.current = true;
    appearedMeanwhile.current = false;
    setAttempt((last) => ({ n: last.n + 1, automatic: true }));
  };

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
    offerToProbe(term);
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

  // One connection per attempt (first connect, every Reconnect, every automatic one).
  useEffect(() => {
    const terminal = termRef.current!;
    const { automatic } = attempt;
    let connected = false;
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
        if (automatic && !connected) {
          // Until it connects, the tab goes on showing why the session dropped.
          const outcome = afterAutomaticAttempt(event, appearedMeanwhile.current);
          if (outcome.action === 'ignore') return;
          automaticRunning.current = false;
          if (outcome.action === 'keepWaiting') {
            if (outcome.again) reuseNow();
            return;
          }
          setWaitingForReuse(false);
        }
        setState(event);
        if (event.state === 'connected') {
          connected = true;
          setConnectedAt(event.connection?.connectedAt ?? Date.now());
        }
        onState(event.state);
        if (event.state === 'disconnected') {
          terminal.write(
            `\r\n\x1b[2m${event.exitCode !== undefined ? t('terminal.exited', { code: event.exitCode }) : t('terminal.state.disconnected')}\x1b[0m\r\n`,
          );
          if (shouldWaitForReuse({ autoReconnect }, event, connected)) {
            setWaitingForReuse(true);
            if (tryReuseAtOnce(event)) reuseNow();
          }
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
    if (!automatic) onState('connecting');
    const size = { cols: terminal.cols, rows: terminal.rows };
    api.sessions.open({ ...target, ...size, ...(automatic ? { reuseOnly: true } : {}) }).then(
      (opened) => {
        // Closed before main answered (or React's StrictMode remount): nobody
        // shows this session, so it must not go on connecting and prompting.
        if (ended) return void api.sessions.close({ sessionId: opened.sessionId }).catch(() => undefined);
        sessionId = opened.sessionId;
        for (const { id, run } of early.splice(0)) if (id === sessionId) run();
      },
      (error: unknown) => {
        if (ended) return;
        // Refused outright (e.g. the profile was deleted): waiting would not help.
        automaticRunning.current = false;
        setWaitingForReuse(false);
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

  // While waiting: each connection the tab has not seen (another tab logged in) is worth one try.
  useEffect(() => {
    if (!waitingForReuse) return;
    const seen = new Set<string>();
    return api.on('connections.changed', (list) => {
      const appeared = hasNewConnection(seen, list);
      for (const connection of list) seen.add(connection.id);
      if (!appeared) return;
      if (automaticRunning.current) appearedMeanwhile.current = true;
      else reuseNow();
    });
  }, [waitingForReuse, api]);

  const retry = () => {
    automaticRunning.current = false;
    setWaitingForReuse(false);
    setState(initial());
    setConnectedAt(undefined);
    setAttempt((last) => ({ n: last.n + 1, automatic: false }));
  };

  return (
    <div className="terminal-tab" hidden={!active}>
      <SessionStatus
        state={state}
        connectedAt={connectedAt}
        host={host}
        waitingForReuse={waitingForReuse}
        onRetry={retry}
        onClose={onClose}
      />
      <div
        className="terminal-pane"
        ref={pane}
        role="region"
        aria-label={t('terminal.label', { name: title })}
      />
    </div>
  );
}
