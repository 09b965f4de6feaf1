// One session in a tab: xterm.js fit to the pane (create-terminal.ts, its
// renderer by terminal-renderer.ts), input to the server, output through the
// contract's flow-controlled stream. PuTTY habits: select copies, right click
// pastes (terminal-clipboard.ts), a paste of several lines asks first
// (PasteWarning); search in the scrollback (SearchBar). The person's terminal
// settings apply live. Above it, the session's status (SessionStatus).
// A profile with autoReconnect waits after a drop for a kept connection to
// reconnect over (auto-reconnect.ts); a new login starts only on the user's click.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '@xterm/xterm/css/xterm.css';
import './terminal.css';
import type { SessionState, SessionTarget } from '../../../shared/contract/sessions';
import { defaultTerminalSettings, type TerminalSettings } from '../../../shared/model/settings';
import { useApp } from '../../app/context';
import { toErrorInfo, useErrorText } from '../../components/errors';
import {
  afterAutomaticAttempt,
  hasNewConnection,
  shouldWaitForReuse,
  tryReuseAtOnce,
} from './auto-reconnect';
import { bellAllowed, ringBell } from './bell';
import { clipboardAction, keyPlatform } from './clipboard-keys';
import { createTerminal, type TerminalParts } from './create-terminal';
import { linkClickAllowed, openLink } from './open-link';
import { offerToProbe } from './output-probe';
import { TerminalOutput } from './terminal-output';
import { pasteNeedsWarning } from './paste-guard';
import { PasteWarning } from './PasteWarning';
import { SearchBar } from './SearchBar';
import { SessionStatus } from './SessionStatus';
import { attachClipboardHabits, copySelection, pasteClipboard } from './terminal-clipboard';
import { changesCellSize, sameOptions, terminalOptions, type LiveOptions } from './terminal-options';
import { TerminalRenderer } from './terminal-renderer';
import { searchDecorations, terminalTheme, themeKind } from './terminal-theme';
import { usePrefersDark } from './use-prefers-dark';
import { pageSessions } from '../../app/page-sessions';

interface TerminalTabProps {
  target: SessionTarget;
  /** The profile's name or the quick connect's host. */
  title: string;
  /** Where it connects, named while no login step is known yet. */
  host: string;
  active: boolean;
  /** The profile's choice to reconnect by itself over a kept connection (never for a quick connect). */
  autoReconnect: boolean;
  /** A running session to take over (after a reload or crash) instead of opening one; Retry opens a new one. */
  attach?: string;
  onClose: () => void;
  onState: (state: SessionState['state']) => void;
  /** The person's terminal settings (font, theme, clipboard habits, …), applied live. */
  settings?: TerminalSettings;
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
  attach,
  onClose,
  onState,
  settings = defaultTerminalSettings,
}: TerminalTabProps) {
  const { t, i18n } = useTranslation();
  const { api, info } = useApp();
  const errorText = useErrorText();
  const pane = useRef<HTMLDivElement>(null);
  const parts = useRef<TerminalParts>(undefined);
  const renderer = useRef<TerminalRenderer>(undefined);
  const termRef = useRef<TerminalParts['term']>(undefined);
  // Read by the terminal's listeners, made once: always the settings of the last render.
  const settingsRef = useRef(settings);
  const theme = themeKind(settings.theme, usePrefersDark());
  const options = terminalOptions(settings, terminalTheme(theme));
  const applied = useRef<LiveOptions>(options);
  /** A multi-line paste waiting for the person's answer. */
  const [pendingPaste, setPendingPaste] = useState<string>();
  /** 0 while closed; counts each request to search, so the bar takes the focus again. */
  const [searchRequest, setSearchRequest] = useState(0);
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

  const paste = (text: string) => {
    if (pasteNeedsWarning(text, settingsRef.current.warnMultiLinePaste)) setPendingPaste(text);
    else termRef.current?.paste(text);
  };
  const openSearch = () => setSearchRequest((n) => n + 1);
  const platform = keyPlatform(info.platform);
  const mac = platform === 'mac';

  // The terminal lives as long as the tab; sessions come and go in it.
  useEffect(() => {
    const element = pane.current!;
    const made = createTerminal(element, applied.current, {
      activate: (event, uri) => {
        if (linkClickAllowed(event, mac)) openLink(uri);
      },
      // In the language of the moment (the listener outlives a language change).
      hover: () => (element.title = mac ? i18n.t('terminal.linkHintMac') : i18n.t('terminal.linkHint')),
      leave: () => element.removeAttribute('title'),
    });
    const { term, fit } = made;
    const observer = new ResizeObserver(() => {
      if (pane.current?.offsetParent) fit.fit();
    });
    observer.observe(element);
    const clipboard = attachClipboardHabits(term, element, () => settingsRef.current, paste);
    let lastBell: number | undefined;
    const bell = term.onBell(() => {
      if (!bellAllowed(lastBell, Date.now())) return;
      lastBell = Date.now();
      ringBell(settingsRef.current.bell, element);
    });
    term.attachCustomKeyEventHandler((event) => {
      const action = clipboardAction(event, platform);
      if (action === 'paste') pasteClipboard(paste);
      if (action === 'copy') copySelection(term);
      if (action === 'search') openSearch();
      // Handled keys do not reach the server.
      if (action) event.preventDefault();
      return action === null;
    });
    parts.current = made;
    termRef.current = term;
    renderer.current = new TerminalRenderer(term, element);
    offerToProbe(term);
    return () => {
      observer.disconnect();
      clipboard();
      bell.dispose();
      renderer.current?.dispose();
      term.dispose();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Settings changed (or the system's light/dark mode): the running terminal takes them.
  useEffect(() => {
    settingsRef.current = settings;
    const made = parts.current;
    if (!made || sameOptions(applied.current, options)) return;
    const before = applied.current;
    applied.current = options;
    Object.assign(made.term.options, options);
    if (changesCellSize(before, options) && pane.current?.offsetParent) made.fit.fit();
  });

  // One WebGL context per visible terminal: a hidden tab gives its context back.
  useEffect(() => renderer.current?.setVisible(active), [active]);

  useEffect(() => {
    // Also when the session changes state: after the host key or passphrase
    // dialog closes, typing goes to the terminal, not to a hidden button. And
    // once the paste warning or the search bar has closed (not before: while
    // the modal dialog is open, the terminal cannot take the focus).
    if (active && pendingPaste === undefined && searchRequest === 0) termRef.current?.focus();
  }, [active, state.state, pendingPaste, searchRequest]);

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
    // Output reaches xterm.js in batches, acknowledged once parsed; no React state per chunk.
    const output = new TerminalOutput(terminal, (bytes) => {
      if (sessionId) void api.terminal.ack({ sessionId, bytes }).catch(() => undefined);
    });
    const offData = api.on('terminal.data', (event) => {
      if (event.sessionId === sessionId) output.data(event.data);
      else if (!sessionId) early.push({ id: event.sessionId, run: () => output.data(event.data) });
    });
    const applyState = (event: SessionState) => {
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
        output.text(
          `\r\n\x1b[2m${event.exitCode !== undefined ? t('terminal.exited', { code: event.exitCode }) : t('terminal.state.disconnected')}\x1b[0m\r\n`,
        );
        if (shouldWaitForReuse({ autoReconnect }, event, connected)) {
          setWaitingForReuse(true);
          if (tryReuseAtOnce(event)) reuseNow();
        }
      }
    };
    const offState = api.on('session.state', (event) => {
      if (event.sessionId === sessionId) applyState(event);
      else if (!sessionId) early.push({ id: event.sessionId, run: () => applyState(event) });
    });
    const input = terminal.onData((data) => {
      if (sessionId) void api.terminal.write({ sessionId, data }).catch(() => undefined);
    });
    const resize = terminal.onResize(({ cols, rows }) => {
      if (sessionId) void api.terminal.resize({ sessionId, cols, rows }).catch(() => undefined);
    });
    if (!automatic) onState('connecting');
    const size = { cols: terminal.cols, rows: terminal.rows };
    const refused = (error: unknown) => {
      if (ended) return;
      // Refused outright (e.g. the profile was deleted): waiting would not help.
      automaticRunning.current = false;
      setWaitingForReuse(false);
      setState({ ...initial(), state: 'disconnected', error: toErrorInfo(error) });
      onState('disconnected');
      output.text(`\r\n\x1b[31m${errorText(error)}\x1b[0m\r\n`);
    };
    const taken = attempt.n === 0 ? attach : undefined;
    if (taken)
      // A session that outlived its page: this tab becomes its view. Output that
      // comes before the answer waits in `early` and is acknowledged once shown.
      api.sessions.attach({ sessionId: taken }).then((current) => {
        // React's StrictMode remount attaches it again; a tab closed this fast leaves it to the grace time.
        if (ended) return;
        sessionId = taken;
        pageSessions.remember(taken);
        output.text(`\x1b[2m${t('terminal.reattached')}\x1b[0m\r\n`);
        applyState(current);
        for (const { id, run } of early.splice(0)) if (id === sessionId) run();
        // The page that showed it may have had another size; a fit before now was not sent.
        void api.terminal
          .resize({ sessionId: taken, cols: terminal.cols, rows: terminal.rows })
          .catch(() => undefined);
      }, refused);
    else
      api.sessions.open({ ...target, ...size, ...(automatic ? { reuseOnly: true } : {}) }).then((opened) => {
        // Closed before main answered (or React's StrictMode remount): nobody
        // shows this session, so it must not go on connecting and prompting.
        if (ended) return void api.sessions.close({ sessionId: opened.sessionId }).catch(() => undefined);
        sessionId = opened.sessionId;
        pageSessions.remember(opened.sessionId);
        for (const { id, run } of early.splice(0)) if (id === sessionId) run();
      }, refused);
    return () => {
      ended = true;
      offData();
      offState();
      input.dispose();
      resize.dispose();
      if (sessionId) {
        pageSessions.forget(sessionId);
        void api.sessions.close({ sessionId }).catch(() => undefined);
      }
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
    <div className={`terminal-tab theme-${theme}`} hidden={!active}>
      <SessionStatus
        state={state}
        connectedAt={connectedAt}
        host={host}
        waitingForReuse={waitingForReuse}
        onRetry={retry}
        onClose={onClose}
      />
      <div className="terminal-body">
        <div
          className="terminal-pane"
          ref={pane}
          role="region"
          aria-label={t('terminal.label', { name: title })}
        />
        {searchRequest > 0 && (
          <SearchBar
            search={() => parts.current?.search}
            decorations={searchDecorations(theme)}
            focusRequest={searchRequest}
            onClose={() => setSearchRequest(0)}
          />
        )}
      </div>
      {pendingPaste !== undefined && (
        <PasteWarning
          text={pendingPaste}
          onPaste={() => {
            termRef.current?.paste(pendingPaste);
            setPendingPaste(undefined);
          }}
          onCancel={() => setPendingPaste(undefined)}
        />
      )}
    </div>
  );
}
