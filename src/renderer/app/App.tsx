// The app frame: header, notices, the start tab (first use, profiles) and
// one tab per terminal session.
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionState } from '../../shared/contract/sessions';
import type { Profile } from '../../shared/model/profile';
import { isFirstUseDone, languages, type Language, type Settings } from '../../shared/model/settings';
import { useErrorText } from '../components/errors';
import { changeLanguage } from '../i18n';
import { FirstUse } from '../views/start/FirstUse';
import { KeySetupOffer } from '../views/keys/KeySetupOffer';
import { KEY_WIZARD_VIEW_ID, KeyWizard } from '../views/keys/KeyWizard';
import { ProfileList } from '../views/profiles/ProfileList';
import { PromptHost } from '../views/prompts/PromptHost';
import { TerminalTab } from '../views/terminal/TerminalTab';
import { AgentView } from '../views/agent/AgentView';
import { useApp, type ViewContext } from './context';

interface Tab {
  id: number;
  profile: Profile;
  state: SessionState['state'];
}

/**
 * Fixed views beside the session tabs. Each capability adds its view here:
 * `id` is negative (session tabs count up from 1), `label` a text key.
 */
const fixedViews: Array<{ id: number; label: string; render: (context: ViewContext) => ReactNode }> = [
  { id: KEY_WIZARD_VIEW_ID, label: 'keys.tab', render: (context) => <KeyWizard {...context} /> },
  { id: -2, label: 'agent.tab', render: (context) => <AgentView {...context} /> },
];

let nextTabId = 1;

export function App({ initialSettings }: { initialSettings: Settings }) {
  const { t } = useTranslation();
  const { api, info } = useApp();
  const errorText = useErrorText();
  const [settings, setSettings] = useState(initialSettings);
  const [notices, setNotices] = useState(info.notices);
  const [tabs, setTabs] = useState<Tab[]>([]);
  const [activeTab, setActiveTab] = useState<number>(0);

  useEffect(() => api.on('app.notice', (notice) => setNotices((list) => [...list, notice])), [api]);

  const setLanguage = async (language: Language) => {
    setSettings(await api.settings.update({ language }));
    await changeLanguage(language);
  };
  const open = (profile: Profile) => {
    const tab = { id: nextTabId++, profile, state: 'connecting' as const };
    setTabs((list) => [...list, tab]);
    setActiveTab(tab.id);
  };
  const close = (id: number) => {
    // As PuTTY does: a live session is not closed by a stray click.
    const tab = tabs.find((x) => x.id === id);
    if (tab?.state === 'connected' && !window.confirm(t('terminal.confirmClose', { name: tab.profile.name })))
      return;
    setTabs((list) => list.filter((x) => x.id !== id));
    setActiveTab((current) => (current === id ? 0 : current));
  };

  return (
    <div className="app">
      <header className="app-header">
        <span className="brand">{t('app.title')}</span>
        <nav className="tabs" role="tablist" aria-label={t('app.tabs')}>
          <button type="button" role="tab" aria-selected={activeTab === 0} onClick={() => setActiveTab(0)}>
            {t('app.startTab')}
          </button>
          {fixedViews.map((view) => (
            <button
              key={view.id}
              type="button"
              role="tab"
              aria-selected={activeTab === view.id}
              onClick={() => setActiveTab(view.id)}
            >
              {t(view.label)}
            </button>
          ))}
          {tabs.map((tab) => (
            <span key={tab.id} className={`tab state-${tab.state}`}>
              <button
                type="button"
                role="tab"
                aria-selected={activeTab === tab.id}
                onClick={() => setActiveTab(tab.id)}
              >
                {tab.profile.name}
              </button>
              <button
                type="button"
                className="tab-close"
                aria-label={t('terminal.closeTab', { name: tab.profile.name })}
                onClick={() => close(tab.id)}
              >
                ×
              </button>
            </span>
          ))}
        </nav>
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
          {!isFirstUseDone(settings) && <FirstUse onDone={setSettings} />}
          <KeySetupOffer settings={settings} onOpen={() => setActiveTab(KEY_WIZARD_VIEW_ID)} />
          {isFirstUseDone(settings) && <ProfileList settings={settings} onConnect={open} />}
        </div>
        {fixedViews.map((view) => (
          <div key={view.id} hidden={activeTab !== view.id} className="start">
            {activeTab === view.id && view.render({ settings, onSettings: setSettings })}
          </div>
        ))}
        {tabs.map((tab) => (
          <TerminalTab
            key={tab.id}
            profile={tab.profile}
            active={activeTab === tab.id}
            onClose={() => close(tab.id)}
            onState={(state) => setTabs((list) => list.map((x) => (x.id === tab.id ? { ...x, state } : x)))}
          />
        ))}
      </main>
      <PromptHost />
    </div>
  );
}
