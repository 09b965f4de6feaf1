import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { AppContext } from './app/context';
import { connectApi } from './api';
import { initI18n } from './i18n';
import { followLanguageInTerminals } from './views/terminal/terminal-strings';
import './styles.css';

async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  const showBridgeLost = () => {
    const banner = document.createElement('div');
    banner.className = 'notice fatal';
    banner.setAttribute('role', 'alert');
    banner.textContent =
      document.documentElement.lang === 'en'
        ? 'The connection to the Fernwartung service was lost. Please reload the page.'
        : 'Die Verbindung zum Fernwartung-Dienst ist getrennt. Bitte laden Sie die Seite neu.';
    document.body.prepend(banner);
  };
  const api = await connectApi(showBridgeLost);
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
