// The main process's own texts, German and English: the tray, the quit and
// close dialogs, the update questions and what a shell says when it cannot
// start. The renderer has its own (src/renderer/i18n/); main cannot import
// them (another layer), so the few texts main shows itself live here, one
// namespace per place, complete in both languages by the type below.
const de = {
  tray: {
    tooltip: {
      nokey: 'Fernwartung – kein Schlüssel geladen',
      loaded_one: 'Fernwartung – {{count}} Schlüssel geladen',
      loaded_other: 'Fernwartung – {{count}} Schlüssel geladen',
      locked: 'Fernwartung – Agent gesperrt',
    },
    status: {
      nokey: 'Agent: kein Schlüssel',
      loaded_one: 'Agent: {{count}} Schlüssel geladen',
      loaded_other: 'Agent: {{count}} Schlüssel geladen',
      locked: 'Agent: gesperrt',
    },
    openWindow: 'Fenster öffnen',
    favourites: 'Favoriten',
    recent: 'Zuletzt verbunden',
    noProfiles: 'Noch keine Profile',
    addKey: 'Schlüssel hinzufügen …',
    addKeyTitle: 'Schlüsseldatei für den Agenten wählen',
    lock: 'Agent sperren …',
    unlock: 'Agent entsperren …',
    startAtLogin: 'Mit der Anmeldung starten',
    quit: 'Beenden',
  },
  quit: {
    message_one: 'Eine Sitzung ist noch offen. Fernwartung beenden?',
    message_other: '{{count}} Sitzungen sind noch offen. Fernwartung beenden?',
    detail:
      'Beenden trennt alle Sitzungen und beendet den Agenten; Programme, die ihn nutzen, finden dann keine Schlüssel mehr.',
    quit: 'Beenden',
    cancel: 'Abbrechen',
  },
  close: {
    title: 'Fernwartung läuft weiter',
    body: 'Der Agent und offene Sitzungen bleiben aktiv. Das Symbol {{place}} öffnet das Fenster wieder; dort wird Fernwartung auch beendet.',
    place: {
      darwin: 'in der Menüleiste',
      win32: 'im Infobereich der Taskleiste',
      other: 'im Systembereich der Leiste',
    },
  },
  update: {
    available: {
      message: 'Fernwartung {{version}} ist verfügbar.',
      detail: 'Jetzt herunterladen? Laufende Sitzungen bleiben offen.',
      go: 'Herunterladen',
      wait: 'Später',
    },
    downloaded: {
      message: 'Fernwartung {{version}} ist heruntergeladen.',
      detail:
        'Jetzt neu starten und installieren? Offene Sitzungen werden dabei beendet. Sonst wird beim nächsten Beenden installiert.',
      go: 'Neu starten',
      wait: 'Beim Beenden',
    },
  },
  start: {
    title: 'Fernwartung kann nicht starten',
    dataFolderInUse:
      'Fernwartung läuft bereits mit dem Datenordner {{folder}} (Prozess {{pid}}, die Desktop-App oder der Dienst im Browser). Beenden Sie diese Instanz zuerst oder verwenden Sie sie weiter.',
    failed: 'Der Start ist fehlgeschlagen ({{code}}). Einzelheiten stehen im Protokoll.',
  },
};

/** The same tree with strings for strings: what English must fill. */
type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };

const en: Texts<typeof de> = {
  tray: {
    tooltip: {
      nokey: 'Fernwartung – no key loaded',
      loaded_one: 'Fernwartung – {{count}} key loaded',
      loaded_other: 'Fernwartung – {{count}} keys loaded',
      locked: 'Fernwartung – agent locked',
    },
    status: {
      nokey: 'Agent: no key',
      loaded_one: 'Agent: {{count}} key loaded',
      loaded_other: 'Agent: {{count}} keys loaded',
      locked: 'Agent: locked',
    },
    openWindow: 'Open window',
    favourites: 'Favourites',
    recent: 'Recently connected',
    noProfiles: 'No profiles yet',
    addKey: 'Add key …',
    addKeyTitle: 'Choose a key file for the agent',
    lock: 'Lock agent …',
    unlock: 'Unlock agent …',
    startAtLogin: 'Start at login',
    quit: 'Quit',
  },
  quit: {
    message_one: 'One session is still open. Quit Fernwartung?',
    message_other: '{{count}} sessions are still open. Quit Fernwartung?',
    detail:
      'Quitting disconnects every session and stops the agent; programs using it find no keys any more.',
    quit: 'Quit',
    cancel: 'Cancel',
  },
  close: {
    title: 'Fernwartung keeps running',
    body: 'The agent and open sessions stay active. The icon {{place}} opens the window again; quit Fernwartung from there.',
    place: {
      darwin: 'in the menu bar',
      win32: 'in the notification area of the taskbar',
      other: 'in the system tray',
    },
  },
  update: {
    available: {
      message: 'Fernwartung {{version}} is available.',
      detail: 'Download it now? Running sessions stay open.',
      go: 'Download',
      wait: 'Later',
    },
    downloaded: {
      message: 'Fernwartung {{version}} has been downloaded.',
      detail:
        'Restart and install now? Open sessions will be closed. Otherwise it is installed when you quit.',
      go: 'Restart',
      wait: 'When quitting',
    },
  },
  start: {
    title: 'Fernwartung cannot start',
    dataFolderInUse:
      'Fernwartung is already running with the data folder {{folder}} (process {{pid}}, the desktop app or the browser service). Quit that instance first, or keep using it.',
    failed: 'Starting failed ({{code}}). The log has the details.',
  },
};

export const mainTexts = { de, en } satisfies Record<string, Texts<typeof de>>;

export type MainTextNamespace = keyof typeof de;
