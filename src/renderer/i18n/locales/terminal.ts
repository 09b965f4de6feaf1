// Texts of terminal tabs and session states.
export const terminalTexts = {
  de: {
    terminal: {
      label: 'Terminal {{name}}',
      state: {
        connecting: 'Verbinde mit {{host}} …',
        authenticating: 'Anmeldung an {{host}} …',
        connected: 'Verbunden',
        disconnected: 'Getrennt',
      },
      exited: 'Sitzung beendet (Exit-Code {{code}}).',
      reconnect: 'Neu verbinden',
      close: 'Tab schließen',
      closeTab: 'Tab {{name}} schließen',
      confirmClose: 'Die Sitzung „{{name}}“ ist noch verbunden. Trennen und Tab schließen?',
    },
  },
  en: {
    terminal: {
      label: 'Terminal {{name}}',
      state: {
        connecting: 'Connecting to {{host}} …',
        authenticating: 'Logging in to {{host}} …',
        connected: 'Connected',
        disconnected: 'Disconnected',
      },
      exited: 'Session ended (exit code {{code}}).',
      reconnect: 'Reconnect',
      close: 'Close tab',
      closeTab: 'Close tab {{name}}',
      confirmClose: 'The session “{{name}}” is still connected. Disconnect and close the tab?',
    },
  },
};
