// The tray's own texts, German and English. The shell cannot use the
// renderer's i18n (another layer); these few are kept here, complete in both
// languages by the type below.
const de = {
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
};

type Texts = {
  [K in keyof typeof de]: (typeof de)[K] extends string ? string : Record<keyof (typeof de)[K], string>;
};

const en: Texts = {
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
};

export const trayTexts = { de, en } satisfies Record<string, Texts>;
