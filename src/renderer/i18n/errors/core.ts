import type { coreErrorCodes } from '../../../shared/errors/core';
import type { ErrorTexts } from './types';

export const coreErrorTexts: ErrorTexts<(typeof coreErrorCodes)[number]> = {
  de: {
    internal: 'Ein interner Fehler ist aufgetreten. Details stehen im Protokoll.',
    'bridge.disconnected':
      'Die Verbindung zum Fernwartung-Dienst ist getrennt. Bitte laden Sie die Seite neu.',
    invalidInput: 'Ungültige Eingabe: {{detail}}',
    'storage.corruptMovedAside':
      'Die Datei {{file}} war beschädigt. Sie wurde als {{backup}} beiseitegelegt; es gelten die Standardwerte.',
    'storage.writeFailed': 'Die Datei {{file}} konnte nicht gespeichert werden: {{reason}}',
    'storage.folderTightened':
      'Der Datenordner {{folder}} war für andere Benutzer lesbar (Rechte {{mode}}). Er ist jetzt nur noch für Sie zugänglich.',
    'storage.dataFolderInUse':
      'Fernwartung läuft bereits mit dem Datenordner {{folder}} (Prozess {{pid}}, die Desktop-App oder der Dienst im Browser). Beenden Sie diese Instanz zuerst oder verwenden Sie sie weiter.',
    'profile.notFound': 'Das Profil gibt es nicht mehr.',
    'session.notFound': 'Diese Sitzung ist bereits beendet.',
    'session.userMissing':
      'Für „{{profile}}“ ist kein Benutzername bekannt. Tragen Sie Firmenkürzel und Namen ein.',
    'keys.unlockCancelled': 'Das Entsperren von {{file}} wurde abgebrochen.',
    'path.notAbsolute':
      'Der Pfad „{{path}}“ ist relativ. Bitte geben Sie einen vollständigen Pfad an (z. B. /home/… oder ~/.ssh/…).',
    'profile.portalRequired':
      'Für einen Backupserver mit IP-Adresse ({{host}}) wird der Portalserver (Proxy) benötigt.',
    'profile.hostInvalid': '„{{host}}“ ist kein gültiger Servername und keine IP-Adresse.',
    'session.emailMissing':
      'Ihre E-Mail-Adresse fehlt. Sie wird als EMAIL an den Server gesendet: Bitte tragen Sie sie in den Einstellungen ein.',
    'connection.notFound': 'Diese Verbindung besteht nicht mehr.',
    'session.notKept':
      'Keine bestehende Verbindung zum Wiederverwenden. Eine neue Anmeldung (DUO) startet erst, wenn Sie „Neu verbinden“ wählen.',
    'sessionLog.writeFailed':
      'Das Sitzungsprotokoll {{file}} konnte nicht geschrieben werden ({{detail}}). Diese Sitzung wird nicht weiter protokolliert; sie selbst läuft weiter.',
    'sessionLog.folderNotAbsolute':
      'Der Ordner für Sitzungsprotokolle „{{folder}}“ ist relativ. Diese Sitzung wird nicht protokolliert; bitte geben Sie in den Einstellungen einen vollständigen Pfad an.',
  },
  en: {
    internal: 'An internal error occurred. Details are in the log.',
    'bridge.disconnected': 'The connection to the Fernwartung service was lost. Please reload the page.',
    invalidInput: 'Invalid input: {{detail}}',
    'storage.corruptMovedAside':
      'The file {{file}} was damaged. It was moved aside as {{backup}}; defaults apply.',
    'storage.writeFailed': 'The file {{file}} could not be saved: {{reason}}',
    'storage.folderTightened':
      'The data folder {{folder}} was readable by other users (mode {{mode}}). It is now accessible to you only.',
    'storage.dataFolderInUse':
      'Fernwartung is already running with the data folder {{folder}} (process {{pid}}, the desktop app or the browser service). Quit that instance first, or keep using it.',
    'profile.notFound': 'That profile no longer exists.',
    'session.notFound': 'This session has already ended.',
    'session.userMissing': 'No user name is known for “{{profile}}”. Enter your firm prefix and name.',
    'keys.unlockCancelled': 'Unlocking {{file}} was cancelled.',
    'path.notAbsolute':
      'The path “{{path}}” is relative. Please give a full path (e.g. /home/… or ~/.ssh/…).',
    'profile.portalRequired':
      'A backup server given by IP address ({{host}}) needs the portal server (proxy).',
    'profile.hostInvalid': '“{{host}}” is neither a valid server name nor an IP address.',
    'session.emailMissing':
      'Your e-mail address is missing. It is sent to the server as EMAIL: please enter it in the settings.',
    'connection.notFound': 'This connection no longer exists.',
    'session.notKept':
      'No open connection to reuse. A new login (DUO) starts only when you choose “Reconnect”.',
    'sessionLog.writeFailed':
      'The session log {{file}} could not be written ({{detail}}). This session is no longer logged; the session itself goes on.',
    'sessionLog.folderNotAbsolute':
      'The folder for session logs “{{folder}}” is relative. This session is not logged; please give a full path in the settings.',
  },
};
