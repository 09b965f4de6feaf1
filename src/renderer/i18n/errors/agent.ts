import type { agentErrorCodes } from '../../../shared/errors/agent';
import type { ErrorTexts } from './types';

export const agentErrorTexts: ErrorTexts<(typeof agentErrorCodes)[number]> = {
  de: {
    'agent.noKeys': 'Kein Schlüssel verfügbar: Laden Sie einen Schlüssel in den Agenten.',
    'agent.locked': 'Der Agent ist gesperrt. Entsperren Sie ihn, um Schlüssel zu verwenden.',
    'agent.alreadyLocked': 'Der Agent ist bereits gesperrt.',
    'agent.notLocked': 'Der Agent ist nicht gesperrt.',
    'agent.wrongLockPassphrase': 'Das Kennwort zum Entsperren des Agenten ist falsch.',
    'agent.keyNotFound': 'Der Schlüssel {{fingerprint}} ist nicht (mehr) im Agenten geladen.',
    'agent.confirmDenied':
      'Die Verwendung des Schlüssels „{{comment}}“ ({{fingerprint}}) wurde nicht bestätigt.',
    'agent.keyFileUnreadable': 'Die Schlüsseldatei {{file}} konnte nicht gelesen werden: {{reason}}',
    'agent.importUnavailable':
      'Schlüsseldateien können derzeit nicht in den Agenten geladen werden (interner Fehler).',
    'agent.malformedKey': 'Ein Programm hat dem Agenten einen unlesbaren Schlüssel übergeben: {{reason}}',
    'agent.signFailed': 'Der Agent konnte nicht signieren: {{reason}}',
    'agent.socketInUse':
      'Unter {{path}} läuft bereits ein anderer Agent (vermutlich eine zweite Instanz von Fernwartung). Beenden Sie diese zuerst.',
    'agent.socketPathUnsafe': 'Der Agent-Socket {{path}} ist nicht sicher nutzbar: {{reason}}',
    'agent.socketFailed': 'Der Agent konnte den Socket {{path}} nicht öffnen: {{reason}}',
    'agent.pipeInUse':
      'Die Named Pipe {{name}} ist bereits belegt (läuft Pageant oder eine zweite Instanz von Fernwartung?).',
    'agent.platformUnsupported': 'Diese Agent-Funktion ist auf diesem System nicht verfügbar: {{feature}}',
    'agent.windowsApiUnavailable':
      'Die Windows-Komponente {{library}} konnte nicht geladen werden ({{reason}}). Der Agent ist für PuTTY und WinSCP nicht erreichbar.',
    'agent.windowsCallFailed':
      'Der Windows-Aufruf {{call}} ist fehlgeschlagen (Fehlercode {{code}}). Der Agent ist für PuTTY und WinSCP nicht erreichbar.',
    'agent.vaultUnavailable':
      'Der Schlüsselbund des Systems ist nicht verfügbar: Die Passphrase kann nicht gespeichert werden.',
    'agent.storePassphraseNeedsRemember':
      'Die Passphrase kann nur für einen Schlüssel gespeichert werden, der beim Start geladen wird.',
    'agent.passphraseNotStored':
      'Der Schlüssel {{file}} ist geladen und gemerkt, aber seine Passphrase konnte nicht im Schlüsselbund gespeichert werden. Sie wird beim Start abgefragt.',
    'agent.storedPassphraseFailed':
      'Die gespeicherte Passphrase für {{file}} passt nicht mehr (Schlüsselbund oder Schlüsseldatei geändert). Sie wurde gelöscht; bitte geben Sie die Passphrase erneut ein.',
  },
  en: {
    'agent.noKeys': 'No key available: load a key into the agent.',
    'agent.locked': 'The agent is locked. Unlock it to use keys.',
    'agent.alreadyLocked': 'The agent is already locked.',
    'agent.notLocked': 'The agent is not locked.',
    'agent.wrongLockPassphrase': 'The passphrase to unlock the agent is wrong.',
    'agent.keyNotFound': 'The key {{fingerprint}} is not (or no longer) loaded in the agent.',
    'agent.confirmDenied': 'Use of the key “{{comment}}” ({{fingerprint}}) was not confirmed.',
    'agent.keyFileUnreadable': 'The key file {{file}} could not be read: {{reason}}',
    'agent.importUnavailable': 'Key files cannot be loaded into the agent right now (internal error).',
    'agent.malformedKey': 'A program handed the agent a key it could not read: {{reason}}',
    'agent.signFailed': 'The agent could not sign: {{reason}}',
    'agent.socketInUse':
      'Another agent (probably a second instance of Fernwartung) is already listening at {{path}}. Quit it first.',
    'agent.socketPathUnsafe': 'The agent socket {{path}} cannot be used safely: {{reason}}',
    'agent.socketFailed': 'The agent could not open the socket {{path}}: {{reason}}',
    'agent.pipeInUse':
      'The named pipe {{name}} is already taken (is Pageant or a second Fernwartung running?).',
    'agent.platformUnsupported': 'This agent feature is not available on this system: {{feature}}',
    'agent.windowsApiUnavailable':
      'The Windows component {{library}} could not be loaded ({{reason}}). PuTTY and WinSCP cannot reach the agent.',
    'agent.windowsCallFailed':
      'The Windows call {{call}} failed (error code {{code}}). PuTTY and WinSCP cannot reach the agent.',
    'agent.vaultUnavailable': 'The system keychain is not available: the passphrase cannot be stored.',
    'agent.storePassphraseNeedsRemember':
      'The passphrase can only be stored for a key that is loaded at start.',
    'agent.passphraseNotStored':
      'The key {{file}} is loaded and remembered, but its passphrase could not be stored in the keychain. It will be asked at start.',
    'agent.storedPassphraseFailed':
      'The stored passphrase for {{file}} no longer fits (keychain or key file changed). It was deleted; please enter the passphrase again.',
  },
};
