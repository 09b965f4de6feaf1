// The app frame: header, notices, the start tab (first use, profiles) and
// one tab per terminal session.
import { useCallback, useEffect, useEffectEvent, useReducer, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../shared/errors';
import type { Profile, ProfileKind } from '../../shared/model/profile';
import {
  defaultRemoteUser,
  isFirstUseDone,
  languages,
  type Language,
  type Settings,
} from '../../shared/model/settings';
import { useErrorText } from '../components/errors';
import { changeLanguage } from '../i18n';
import { FirstUse } from '../views/start/FirstUse';
import { KeySetupOffer } from '../views/keys/KeySetupOffer';
import { KEY_WIZARD_VIEW_ID, KeyWizard } from '../views/keys/KeyWizard';
import { ProfileList } from '../views/profiles/ProfileList';
import { PromptHost } from '../views/prompts/PromptHost';
import { TerminalTab } from '../views/terminal/TerminalTab';
import { AgentView } from '../views/agent/AgentView';
import { ConnectionsView } from '../views/connections/ConnectionsView';
import { SettingsView } from '../views/settings/SettingsView';
import { CloseTabDialog } from './CloseTabDialog';
import { useApp, type ViewContext } from './context';
import { shortcutFor, type TabShortcut } from './shortcuts';
import { TabBar } from './TabBar';
import { LOOK_AGAIN_MS, tabsToReattach } from './reattach';
import { loadedByReload, pageSessions } from './page-sessions';
import { initialTabs, tabsReducer, type NewTab } from './tabs';
import { useWindowRequests } from './window-requests';

/** The agent view, where the tray's lock and unlock lead. */
const AGENT_VIEW_ID = -2;

/**
 * Fixed views beside the session tabs. Each capability adds its view here:
 * `id` is negative (session tabs count up from 1), `label` a text key.
 */
const fixedViews: Array<{ id: number; label: string; render: (context: ViewContext) => ReactNode }> = [
  { id: KEY_WIZARD_VIEW_ID, label: 'keys.tab', render: (context) => <KeyWizard {...context} /> },
  { id: AGENT_VIEW_ID, label: 'agent.tab', render: (context) => <AgentView {...context} /> },
  { id: -3, label: 'connections.tab', render: () => <ConnectionsView /> },
  { id: -4, label: 'settings.tab', render: (context) => <SettingsView {...context} /> },
];

const sameNotice = (a: ErrorInfo, b: ErrorInfo) =>
  a.code === b.code && JSON.stringify(a.params) === JSON.stringify(b.params);

/**
 * Gives the keyboard back to what the selected tab shows: its terminal, or
 * else its tab (e.g. after a dialog whose opener is gone).
 */
function focusSelected(): void {
  const terminal = document.querySelector<HTMLElement>('.terminal-tab:not([hidden]) textarea');
  (terminal ?? document.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]'))?.focus();
}

export function App({ initialSettings }: { initialSettings: Settings }) {
  const { t, i18n } = useTranslation();
  const { api, info } = useApp();
  const errorText = useErrorText();
  const [settings, setSettings] = useState(initialSettings);
  const [notices, setNotices] = useState(info.notices);
  const [{ tabs, active: activeTab }, dispatch] = useReducer(tabsReducer, initialTabs);
  /** The live tab whose closing waits for the user's answer. */
  const [confirmClose, setConfirmClose] = useState<number>();
  const start = useRef<HTMLDivElement>(null);
  const setActiveTab = useCallback((id: number) => dispatch({ type: 'select', id }), []);

  // The same notice twice (e.g. the e-mail missing, said here and by main) shows once.
  const addNotice = useCallback(
    (notice: ErrorInfo) =>
      setNotices((list) => (list.some((n) => sameNotice(n, notice)) ? list : [...list, notice])),
    [],
  );
  useEffect(() => api.on('app.notice', addNotice), [api, addNotice]);
  // Settings changed elsewhere (the tray's start at login, another browser tab) show here too.
  useEffect(
    () =>
      api.on('settings.changed', (next) => {
        setSettings(next);
        if (next.language !== i18n.language) void changeLanguage(next.language);
      }),
    [api, i18n],
  );

  const setLanguage = async (language: Language) => {
    setSettings(await api.settings.update({ language }));
    await changeLanguage(language);
  };
  // EMAIL tells the server who works there: connecting without it is allowed, but said.
  const warnIfNoEmail = useCallback(() => {
    if (!settings.email) addNotice({ code: 'session.emailMissing', params: {} });
  }, [settings.email, addNotice]);
  const openTab = useCallback(
    (tab: NewTab) => {
      warnIfNoEmail();
      dispatch({ type: 'open', tab });
    },
    [warnIfNoEmail],
  );
  // The same target again; over a kept connection the backend needs no new login.
  const duplicate = (id: number) => {
    warnIfNoEmail();
    dispatch({ type: 'duplicate', id });
  };
  const defaultUser = defaultRemoteUser(settings);
  const open = useCallback(
    (profile: Profile) =>
      openTab({
        target: { profileId: profile.id },
        title: profile.name,
        host: profile.host,
        user: profile.user || defaultUser,
        autoReconnect: profile.autoReconnect,
      }),
    [openTab, defaultUser],
  );
  const openQuick = useCallback(
    (kind: ProfileKind, host: string, shown: string) =>
      openTab({
        target: { quick: { kind, host } },
        title: shown,
        host: shown,
        user: defaultUser,
        autoReconnect: false,
      }),
    [openTab, defaultUser],
  );
  // After a reload or a crashed page: the sessions the backend still runs for nobody come back as tabs.
  const reattached = useRef(false);
  useEffect(() => {
    if (reattached.current) return;
    reattached.current = true;
    const taken = new Set<string>();
    // After a reload, this page's own sessions, however soon the old page's socket is seen closed.
    const own = loadedByReload() ? pageSessions.ids() : new Set<string>();
    const take = (lookAgain: boolean) =>
      api.sessions.list().then(
        (live) => {
          const found = tabsToReattach(live, taken, own);
          for (const tab of found.tabs) {
            taken.add(tab.attach!);
            dispatch({ type: 'open', tab });
          }
          if (lookAgain && found.lookAgain) setTimeout(() => void take(false), LOOK_AGAIN_MS);
        },
        () => undefined,
      );
    void take(true);
  }, [api]);
  // The tray's quick connect and its lock/unlock (they wait in main until this window takes them).
  useWindowRequests(api, { openProfile: open, showAgent: () => setActiveTab(AGENT_VIEW_ID) });
  const close = (id: number) => {
    // A live session asks first (CloseTabDialog).
    if (tabs.find((x) => x.id === id)?.state === 'connected') setConfirmClose(id);
    else dispatch({ type: 'close', id });
  };
  const answerClose = (confirmed: boolean) => {
    if (confirmed && confirmClose !== undefined) dispatch({ type: 'close', id: confirmClose });
    setConfirmClose(undefined);
    // After the dialog: typing goes to the terminal again (the closed one's neighbour).
    requestAnimationFrame(focusSelected);
  };
  /** New tab: the Start view with the profile search (quick connect beside it) ready for typing. */
  const newTab = () => {
    setActiveTab(0);
    requestAnimationFrame(() => {
      const field = (selector: string) => start.current?.querySelector<HTMLElement>(selector);
      (field('input[type="search"]') ?? field('input'))?.focus();
    });
  };
  const runShortcut = (shortcut: TabShortcut) => {
    const session = tabs.some((tab) => tab.id === activeTab) ? activeTab : undefined;
    switch (shortcut.action) {
      case 'new':
        return newTab();
      case 'close':
        return session !== undefined && close(session);
      case 'next':
        return dispatch({ type: 'selectBy', by: 1 });
      case 'previous':
        return dispatch({ type: 'selectBy', by: -1 });
      case 'moveLeft':
      case 'moveRight':
        if (session !== undefined)
          dispatch({ type: 'moveBy', id: session, by: shortcut.action === 'moveLeft' ? -1 : 1 });
        return;
      case 'goTo':
        return dispatch({ type: 'selectNth', index: shortcut.index });
      case 'ignore':
        return;
    }
  };
  // Seen before xterm.js or any field (capture on the window), so a terminal never gets the app's keys.
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    const shortcut = shortcutFor(event, info.platform);
    // While a dialog (host key, passphrase, DUO, closing) waits, the tabs behind it stay as they are.
    if (!shortcut || document.querySelector('dialog[open]')) return;
    event.preventDefault();
    event.stopPropagation();
    runShortcut(shortcut);
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener('keydown', listener, true);
    return () => window.removeEventListener('keydown', listener, true);
  }, []);
  const closing = tabs.find((tab) => tab.id === confirmClose);

  return (
    <div className="app">
      <header className="app-header">
        <span className="brand">{t('app.title')}</span>
        <TabBar
          views={[
            { id: 0, name: t('app.startTab') },
            ...fixedViews.map((view) => ({ id: view.id, name: t(view.label) })),
          ]}
          sessions={tabs}
          active={activeTab}
          platform={info.platform}
          onSelect={setActiveTab}
          onClose={close}
          onRename={(id, title) => dispatch({ type: 'rename', id, title })}
          onDuplicate={duplicate}
          onMove={(id, to) => dispatch({ type: 'move', id, to })}
        />
        <label className="language">
          <span>{t('app.language')}</span>
          {/* Named by its label alone: inside the label, the chosen option would join the name. */}
          <select
            aria-label={t('app.language')}
            value={settings.language}
            onChange={(e) => void setLanguage(e.target.value as Language)}
          >
            {languages.map((language) => (
              <option key={language} value={language}>
                {language === 'de' ? 'Deutsch' : 'English'}
              </option>
            ))}
          </select>
        </label>
      </header>
      {notices.map((notice, index) => (
        <div key={index} className="notice" role="alert">
          <span>{errorText(notice)}</span>
          <button type="button" onClick={() => setNotices((list) => list.filter((n) => n !== notice))}>
            {t('app.dismiss')}
          </button>
        </div>
      ))}
      <main className="content">
        <div hidden={activeTab !== 0} className="start" ref={start}>
          {/* Who the person is comes first; then the key; then the profiles. */}
          {!isFirstUseDone(settings) && <FirstUse settings={settings} onDone={setSettings} />}
          <KeySetupOffer settings={settings} onOpen={() => setActiveTab(KEY_WIZARD_VIEW_ID)} />
          {isFirstUseDone(settings) && (
            <ProfileList settings={settings} onConnect={open} onQuickConnect={openQuick} />
          )}
        </div>
        {fixedViews.map((view) => (
          <div key={view.id} hidden={activeTab !== view.id} className="start">
            {activeTab === view.id && view.render({ settings, onSettings: setSettings })}
          </div>
        ))}
        {/* In opening order whatever the strip's order: moving a tab never moves its terminal in the page. */}
        {[...tabs]
          .sort((a, b) => a.id - b.id)
          .map((tab) => (
            <TerminalTab
              key={tab.id}
              target={tab.target}
              title={tab.title}
              host={tab.host}
              autoReconnect={tab.autoReconnect}
              attach={tab.attach}
              active={activeTab === tab.id}
              onClose={() => close(tab.id)}
              onState={(state) => dispatch({ type: 'state', id: tab.id, state })}
              settings={settings.terminal}
            />
          ))}
      </main>
      <PromptHost />
      {closing && (
        <CloseTabDialog
          name={closing.title}
          onConfirm={() => answerClose(true)}
          onCancel={() => answerClose(false)}
        />
      )}
    </div>
  );
}
