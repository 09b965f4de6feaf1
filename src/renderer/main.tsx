import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { AppContext } from './app/context';
import { connectApi } from './api';
import { initI18n } from './i18n';
import { followLanguageInTerminals } from './views/terminal/terminal-strings';
import './styles.css';

/** A line above the page, before or without React (no settings, no i18n yet). */
function showFatal(
  german: string,
  english: string,
  englishIf = document.documentElement.lang === 'en',
): void {
  const banner = document.createElement('div');
  banner.className = 'notice fatal';
  banner.setAttribute('role', 'alert');
  banner.textContent = englishIf ? english : german;
  document.body.prepend(banner);
}

async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  const showBridgeLost = () =>
    showFatal(
      'Die Verbindung zum Fernwartung-Dienst ist getrennt. Bitte laden Sie die Seite neu.',
      'The connection to the Fernwartung service was lost. Please reload the page.',
    );
  const api = await connectApi(showBridgeLost).catch((error: unknown) => {
    // Most often a new browser tab: the host's token lives in the tab that opened its address.
    showFatal(
      'Fernwartung ist nicht erreichbar. Öffnen Sie in diesem Tab die Adresse, die der Dienst beim Start ausgegeben hat (FERNWARTUNG_URL=…).',
      'Fernwartung cannot be reached. Open the address the service printed at its start (FERNWARTUNG_URL=…) in this tab.',
      /^en\b/i.test(navigator.language),
    );
    throw error;
  });
  const [info, settings] = await Promise.all([api.app.info(), api.settings.get()]);
  followLanguageInTerminals(await initI18n(settings.language));
  root.render(
    <StrictMode>
      <AppContext.Provider value={{ api, info }}>
        <App initialSettings={settings} />
      </AppContext.Provider>
    </StrictMode>,
  );
}

void start();
