// Texts of the tab strip: its menu, rename, duplicate, the status marks and the shortcuts.
export const tabTexts = {
  de: {
    tabs: {
      menu: 'Tab {{name}}',
      rename: 'Umbenennen',
      renameLabel: 'Neuer Name für Tab {{name}}',
      duplicate: 'Duplizieren',
      moveLeft: 'Nach links verschieben',
      moveRight: 'Nach rechts verschieben',
      close: 'Schließen',
      state: {
        connecting: 'Verbindet',
        authenticating: 'Anmeldung läuft',
        waitingForApproval: 'Wartet auf Bestätigung',
        connected: 'Verbunden',
        disconnected: 'Getrennt',
      },
      keys: {
        pc: 'Strg+Umschalt+Bild↑ oder Bild↓ verschiebt den Tab, F2 benennt ihn um, Umschalt+F10 öffnet sein Menü.',
        mac: 'Befehlstaste+Umschalt+Bild↑ oder Bild↓ verschiebt den Tab, F2 benennt ihn um, Umschalt+F10 öffnet sein Menü.',
      },
      confirmClose: {
        title: 'Sitzung schließen?',
        body: 'Die Sitzung „{{name}}“ ist noch verbunden. Trennen und Tab schließen?',
        confirm: 'Trennen und schließen',
        cancel: 'Abbrechen',
      },
    },
  },
  en: {
    tabs: {
      menu: 'Tab {{name}}',
      rename: 'Rename',
      renameLabel: 'New name for tab {{name}}',
      duplicate: 'Duplicate',
      moveLeft: 'Move left',
      moveRight: 'Move right',
      close: 'Close',
      state: {
        connecting: 'Connecting',
        authenticating: 'Logging in',
        waitingForApproval: 'Waiting for approval',
        connected: 'Connected',
        disconnected: 'Disconnected',
      },
      keys: {
        pc: 'Ctrl+Shift+PgUp or PgDn moves the tab, F2 renames it, Shift+F10 opens its menu.',
        mac: 'Cmd+Shift+PgUp or PgDn moves the tab, F2 renames it, Shift+F10 opens its menu.',
      },
      confirmClose: {
        title: 'Close the session?',
        body: 'The session “{{name}}” is still connected. Disconnect and close the tab?',
        confirm: 'Disconnect and close',
        cancel: 'Cancel',
      },
    },
  },
};
