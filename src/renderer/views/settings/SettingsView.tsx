// Everything a technician may change after first use, one section each:
// who they are, the terminal, session logs, connections, the language, and
// how the app starts. Each section saves on its own.
import { useTranslation } from 'react-i18next';
import type { ViewContext } from '../../app/context';
import { ConnectionSection } from './ConnectionSection';
import { LanguageSection } from './LanguageSection';
import { LoggingSection } from './LoggingSection';
import { PersonSection } from './PersonSection';
import { StartSection } from './StartSection';
import { TerminalSection } from './TerminalSection';
import './settings.css';

export function SettingsView({ settings, onSettings }: ViewContext) {
  const { t } = useTranslation();
  const props = { settings, onSettings };
  return (
    <div className="settings-view" aria-labelledby="settings-title" role="group">
      <h2 id="settings-title">{t('settings.title')}</h2>
      <PersonSection {...props} />
      <TerminalSection {...props} />
      <LoggingSection {...props} />
      <ConnectionSection {...props} />
      <LanguageSection {...props} />
      <StartSection {...props} />
    </div>
  );
}
