// The app frame: header, notices, the start tab (first use, profiles) and
// one tab per terminal session.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionTarget } from '../../shared/contract/sessions';
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
import { useApp, type ViewContext } from './context';
import { TabBar, type SessionTabLabel } from './TabBar';

interface Tab extends SessionTabLabel {
  target: SessionTarget;
  /** Where it connects, for the status before the first hop is known. */
  host: string;
  /** The profile's autoReconnect when the tab was opened. */
  autoReconnect: boolean;
}

/**
 * Fixed views beside the session tabs. Each capability adds its view here:
 * `id` is negative (session tabs count up from 1), `label` a text key.
 */
const fixedViews: Array<{ id: number; label: string; render: (context: ViewContext) => ReactNode }> = [
  { id: KEY_WIZARD_VIEW_ID, label: 'keys.tab', render: (context) => <KeyWizard {...context} /> },
  { id: -2, label: 'agent.tab', render: (context) => <AgentView {...context} /> },
  { id: -3, label: 'connections.tab', render: () => <ConnectionsView /> },
  { id: -4, label: 'settings.tab', render: (context) => <SettingsView {...context} /> },
];

const sameNotice = (a: ErrorInfo, b: ErrorInfo) =>
  a.code === b.code && JSON.stringify(a.params) === JSON.stringify(b.params);

let nextTabId = 1;

export function App({ initialSettings }: { initialSettings: Settings }) {
  const { t } = useTranslation();
  const { api, info } = useApp();
  const errorText = useErrorText();
  const [settings, setSettings] = useState(initialSettings);
  const [notices, setNotices] = useState(info.notices);
  const [tabs, setTabs] = useState<Tab[]>([]);
  const [activeTab, setActiveTab] = useState<number>(0);

  // The same notice twice (e.g. the e-mail missing, said here and by main) shows once.
  const addNotice = useCallback(
    (notice: ErrorInfo) =>
      setNotices((list) => (list.some((n) => sameNotice(n, notice)) ? list : [...list, notice])),
    [],
  );
  useEffect(() => api.on('app.notice', addNotice), [api, addNotice]);

  const setLanguage = async (language: Language) => {
    setSettings(await api.settings.update({ language }));
    await changeLanguage(language);
  };
  const openTab = useCallback(
    (tab: Omit<Tab, 'id' | 'state'>) => {
      // EMAIL tells the server who works there: connecting without it is allowed, but said.
      if (!settings.email) addNotice({ code: 'session.emailMissing', params: {} });
      const id = nextTabId++;
      setTabs((list) => [...list, { ...tab, id, state: 'connecting' }]);
      setActiveTab(id);
    },
    [settings.email, addNotice],
  );
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
  const close = (id: number) => {
    // As PuTTY does: a live session is not closed by a stray click.
    const tab = tabs.find((x) => x.id === id);
    if (tab?.state === 'connected' && !window.confirm(t('terminal.confirmClose', { name: tab.title })))
      return;
    setTabs((list) => list.filter((x) => x.id !== id));
    setActiveTab((current) => (current === id ? 0 : current));
  };

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
          onSelect={setActiveTab}
          onClose={close}
        />
        <label className="language">
          <span>{t('app.language')}</span>
          <select value={settings.language} onChange={(e) => void setLanguage(e.target.value as Language)}>
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
        <div hidden={activeTab !== 0} className="start">
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
        {tabs.map((tab) => (
          <TerminalTab
            key={tab.id}
            target={tab.target}
            title={tab.title}
            host={tab.host}
            autoReconnect={tab.autoReconnect}
            active={activeTab === tab.id}
            onClose={() => close(tab.id)}
            onState={(state) => setTabs((list) => list.map((x) => (x.id === tab.id ? { ...x, state } : x)))}
            settings={settings.terminal}
          />
        ))}
      </main>
      <PromptHost />
    </div>
  );
}
