// Texts of moving in and out: importing PuTTY's and OpenSSH's sessions and
// host keys (source, preview, result, key files into the agent), the offer at
// first use, and the export for OpenSSH. The compiler checks that every
// problem code, notCarried reason and skip reason has a text, and that the
// English texts have exactly the German keys.
import type { importSkipReasons, PreviewKeyFile, PreviewStatus } from '../../../shared/contract/moving-in';
import type { ImportProblemCode, NotCarried } from '../../../shared/model/moving-in';

type ProblemTexts = Record<ImportProblemCode, string>;
type NotCarriedTexts = Record<NotCarried['reason'], string>;
type SkipTexts = Record<(typeof importSkipReasons)[number], string>;
type StatusTexts = Record<PreviewStatus, string>;
type KeyFileStatusTexts = Record<PreviewKeyFile['status'], string>;
type SameKeys<T> = { [K in keyof T]: T[K] extends string ? string : SameKeys<T[K]> };

const de = {
  movingIn: {
    importButton: 'Importieren …',
    exportButton: 'Exportieren …',
    offer: {
      title: 'Vorhandene Sitzungen übernehmen?',
      sessions_one: 'Auf diesem Computer wurde {{count}} PuTTY-/OpenSSH-Sitzung gefunden. Importieren?',
      sessions_other: 'Auf diesem Computer wurden {{count}} PuTTY-/OpenSSH-Sitzungen gefunden. Importieren?',
      hostKeys_one:
        'Auf diesem Computer wurde {{count}} bekannter Hostschlüssel von PuTTY/OpenSSH gefunden. Importieren?',
      hostKeys_other:
        'Auf diesem Computer wurden {{count}} bekannte Hostschlüssel von PuTTY/OpenSSH gefunden. Importieren?',
      open: 'Ansehen und importieren …',
      dismiss: 'Nein, danke',
    },
    source: {
      title: 'Aus PuTTY oder OpenSSH importieren',
      intro:
        'Übernimmt gespeicherte Sitzungen als Profile und die bekannten Hostschlüssel. Sie sehen vorher, was übernommen wird; nichts Gespeichertes wird ersetzt, ohne dass Sie es auswählen.',
      thisComputer: 'Von diesem Computer',
      thisComputerHint: 'Liest ~/.ssh/config und ~/.ssh/known_hosts.',
      thisComputerHintWindows:
        'Liest die PuTTY-Sitzungen und -Hostschlüssel aus der Registry sowie ~/.ssh/config und ~/.ssh/known_hosts.',
      fileTitle: 'Aus einer Datei',
      file: 'Datei',
      fileHint:
        'Ein PuTTY-Export aus der Registry (.reg, z. B. mit reg export HKCU\\Software\\SimonTatham\\PuTTY putty.reg), eine ssh-Konfiguration oder eine known_hosts-Datei',
      browse: 'Durchsuchen …',
      fileMissing: 'Bitte eine Datei angeben.',
      read: 'Datei lesen',
      reading: 'Wird gelesen …',
      cancel: 'Abbrechen',
    },
    preview: {
      title: 'Vorschau: Was importiert wird',
      sources: 'Gelesen: {{sources}}',
      noSources: 'Auf diesem Computer wurde nichts zum Lesen gefunden.',
      registry: 'PuTTY (Registry)',
      origin: 'Aus {{source}}',
      originLine: 'Aus {{source}}, Zeile {{line}}',
      profiles: 'Profile',
      hostKeys: 'Hostschlüssel',
      keyFiles: 'Schlüsseldateien',
      noProfiles: 'Keine Profile gefunden.',
      noHostKeys: 'Keine Hostschlüssel gefunden.',
      noKeyFiles: 'Keine Schlüsseldateien genannt.',
      selected:
        'Ausgewählt: Profile {{profiles}}, Hostschlüssel {{hostKeys}}, Schlüsseldateien {{keyFiles}}.',
      nothingSelected: 'Nichts ausgewählt.',
      apply: 'Auswahl importieren',
      applying: 'Wird importiert …',
      cancel: 'Abbrechen',
    },
    profile: {
      status: {
        new: 'Neu',
        duplicate: 'Schon vorhanden',
        conflict:
          'Ein anderes Profil heißt schon »{{name}}«. Es bleibt, wie es ist, solange Sie dieses nicht auswählen.',
      } satisfies StatusTexts,
      duplicateAs: 'Schon vorhanden als »{{name}}«',
      replaces: 'Ersetzt das gespeicherte Profil »{{name}}«',
      agentForwarding: 'mit Agent-Weiterleitung',
      keyPath: 'Schlüsseldatei: {{path}}',
      notCarried: 'Nicht übernommen:',
    },
    notCarried: {
      appSetting: 'gilt in der App für alle Verbindungen (Einstellungen)',
      alwaysSent: 'sendet die App ohnehin',
      unsupported: 'gibt es in der App nicht',
      fileMissing: 'Datei nicht auf diesem Computer',
    } satisfies NotCarriedTexts,
    hostKey: {
      status: {
        new: 'Neu',
        duplicate: 'Schon vorhanden',
        conflict:
          'Für diesen Server ist ein anderer Schlüssel gespeichert ({{fingerprint}}). Ein geänderter Hostschlüssel kann ein Angriff sein: nur auswählen, wenn Sie sicher wissen, dass der Server einen neuen Schlüssel hat.',
      } satisfies StatusTexts,
      replaces:
        'Ersetzt den gespeicherten Schlüssel {{fingerprint}}. Achtung: Ein geänderter Hostschlüssel kann ein Angriff sein.',
      hashed: 'gehashter Eintrag',
      hashedLine: 'gehashter Eintrag, Zeile {{line}}',
      fingerprint: 'Fingerabdruck',
    },
    keyFile: {
      status: {
        new: 'Wird in den Agenten geladen und bei jedem Start wieder geladen.',
        missing: 'Nicht auf diesem Computer gefunden: wird nicht geladen.',
        loaded: 'Wird schon beim Start geladen.',
      } satisfies KeyFileStatusTexts,
      usedBy: 'Verwendet von: {{names}}',
    },
    problems: {
      title: 'Hinweise beim Lesen',
      whereLine: '{{source}}, Zeile {{line}}',
      nothingFound: 'Nichts zum Importieren gefunden.',
    },
    problem: {
      'import.fileUnreadable': 'Die Datei konnte nicht gelesen werden ({{reason}}).',
      'import.fileTooLarge': 'Die Datei ist größer als {{limitMiB}} MiB und wurde nicht gelesen.',
      'import.fileBinary': 'Die Datei ist keine Textdatei und wurde nicht gelesen.',
      'import.notRecognised':
        'Die Datei ist weder ein PuTTY-Export (.reg) noch eine ssh-Konfiguration oder eine known_hosts-Datei.',
      'reg.notRegistryExport': 'Die Datei ist kein Export des Registrierungs-Editors.',
      'reg.truncated': 'Der Registry-Export ist unvollständig; der Rest fehlt.',
      'reg.badLine': 'Diese Zeile des Registry-Exports ist nicht lesbar und wurde übersprungen.',
      'reg.badValue': 'Der Wert {{name}} ist nicht lesbar und wurde übersprungen.',
      'putty.notSsh': 'Die Sitzung »{{session}}« verwendet {{protocol}}, nicht SSH: nicht übernommen.',
      'putty.proxyUnsupported':
        'Die Sitzung »{{session}}« geht über einen Proxy ({{method}}), den die App nicht unterstützt.',
      'putty.noHost': 'Die Sitzung »{{session}}« nennt keinen Server: nicht übernommen.',
      'putty.hostKeyUnreadable': 'Der Hostschlüssel {{name}} ist nicht lesbar: nicht übernommen.',
      // reg.exe says the same when PuTTY never saved anything: worded so it reads as that, too.
      'putty.registryUnreadable':
        'In der Registrierung wurden keine PuTTY-Sitzungen gefunden, oder sie war nicht lesbar ({{reason}}).',
      'putty.hostKeyTypeUnsupported':
        'Der Hostschlüssel {{name}} hat den Typ {{type}}, den die App nicht unterstützt: nicht übernommen.',
      'sshConfig.badLine': 'Die Zeile mit {{keyword}} ist nicht lesbar und wurde übersprungen.',
      'sshConfig.includeLoop': 'Include {{path}} würde sich selbst einbinden und wurde übersprungen.',
      'sshConfig.includeUnreadable':
        'Die eingebundene Datei {{path}} konnte nicht gelesen werden ({{reason}}).',
      'sshConfig.wildcardBlock':
        'Host {{patterns}} gilt für mehrere Server und wird kein Profil; seine Einstellungen ({{settings}}) gelten für die passenden Profile.',
      'sshConfig.matchBlock':
        'Match-Blöcke ({{criteria}}) werden nicht ausgewertet; ihre Einstellungen wurden nicht übernommen.',
      'sshConfig.multiHop':
        'Host {{host}} geht über mehrere Sprungserver ({{jump}}); die App kennt nur einen Portalserver: nicht übernommen.',
      'sshConfig.jumpUnreadable':
        'Der Sprungserver {{jump}} von Host {{host}} ist nicht lesbar: nicht übernommen.',
      'knownHosts.badLine': 'Diese Zeile ist kein gültiger Eintrag und wurde übersprungen.',
      'knownHosts.badKey': 'Der Schlüssel in dieser Zeile ist nicht lesbar und wurde übersprungen.',
      'knownHosts.revoked':
        'Der Schlüssel {{fingerprint}} für {{hosts}} ist als widerrufen markiert (@revoked): nicht übernommen.',
      'knownHosts.certAuthority':
        'Der Eintrag für {{hosts}} ist eine Zertifizierungsstelle (@cert-authority): nicht übernommen.',
      'knownHosts.pattern':
        'Der Eintrag für {{pattern}} gilt mit Platzhaltern oder Ausschlüssen für mehrere Server: nicht übernommen.',
      'profile.invalid': '»{{name}}« ist als Profil nicht gültig ({{field}}): nicht übernommen.',
      'profile.jumpTargetRenamed':
        '»{{name}}« geht über ein Portal zu {{host}}. Die App erreicht über ein Portal nur den Backupserver ({{backupHost}}) oder eine IP-Adresse: nicht übernommen.',
    } satisfies ProblemTexts,
    /** Names for the `field` of profile.invalid and the `reason` of unreadable files; others are shown as they come. */
    field: {
      name: 'Name',
      host: 'Server',
      port: 'Port',
      user: 'Benutzername',
      portalHost: 'Portalserver',
      portalPort: 'Port des Portalservers',
      keyPath: 'Schlüsseldatei',
    },
    readReason: {
      notAFile: 'keine Datei',
      ENOENT: 'nicht gefunden',
      EACCES: 'keine Berechtigung',
      EPERM: 'keine Berechtigung',
      EISDIR: 'ein Ordner',
    },
    result: {
      title: 'Import abgeschlossen',
      profilesAdded_one: '{{count}} Profil importiert',
      profilesAdded_other: '{{count}} Profile importiert',
      hostKeysAdded_one: '{{count}} Hostschlüssel übernommen',
      hostKeysAdded_other: '{{count}} Hostschlüssel übernommen',
      replaced: '{{count}} ersetzt',
      skipped: '{{count}} übersprungen',
      skippedTitle: 'Übersprungen',
      skip: {
        duplicate: 'schon vorhanden',
        invalid: 'ungültig, nicht gespeichert',
        gone: 'Vorschau veraltet, bitte neu lesen',
      } satisfies SkipTexts,
      keyFilesTitle: 'Schlüsseldateien in den Agenten laden',
      done: 'Fertig',
    },
    keyLoad: {
      loading: 'Wird geladen …',
      loaded: 'Geladen: {{name}}. Wird bei jedem Start geladen.',
      passphraseNeeded: 'Die Datei ist mit einer Passphrase geschützt.',
      passphrase: 'Passphrase für {{path}}',
      load: 'Laden',
      skip: 'Überspringen',
      skipped: 'Übersprungen: nicht geladen.',
    },
    export: {
      title: 'Für OpenSSH exportieren',
      intro:
        'Damit ssh, scp und andere Programme dieselben Profile und Hostschlüssel verwenden. Die Dateien enthalten keine privaten Schlüssel und keine Passphrasen.',
      loading: 'Wird erstellt …',
      sshConfig: 'SSH-Konfiguration (Profile)',
      sshConfigHint:
        'Speichern Sie die Datei als ~/.ssh/{{fileName}} und binden Sie sie ganz oben in ~/.ssh/config ein, vor dem ersten Host-Eintrag:',
      knownHosts: 'Bekannte Hostschlüssel (known_hosts)',
      knownHostsHint:
        'Speichern Sie die Datei als {{file}} (nicht über Ihre vorhandene known_hosts) und nennen Sie sie ganz oben in ~/.ssh/config:',
      copy: 'Kopieren',
      copyLabel: '{{what}} kopieren',
      copied: 'In die Zwischenablage kopiert.',
      copyFailed: 'Kopieren nicht möglich. Bitte markieren und selbst kopieren.',
      save: 'Speichern',
      saveLabel: '{{what}} speichern',
      close: 'Schließen',
    },
  },
};

const en: SameKeys<typeof de> = {
  movingIn: {
    importButton: 'Import …',
    exportButton: 'Export …',
    offer: {
      title: 'Take over existing sessions?',
      sessions_one: '{{count}} PuTTY/OpenSSH session was found on this computer. Import it?',
      sessions_other: '{{count}} PuTTY/OpenSSH sessions were found on this computer. Import them?',
      hostKeys_one: '{{count}} known host key of PuTTY/OpenSSH was found on this computer. Import it?',
      hostKeys_other: '{{count}} known host keys of PuTTY/OpenSSH were found on this computer. Import them?',
      open: 'Review and import …',
      dismiss: 'No, thanks',
    },
    source: {
      title: 'Import from PuTTY or OpenSSH',
      intro:
        'Takes over saved sessions as profiles, and the known host keys. You see beforehand what is taken over; nothing stored is replaced unless you select it.',
      thisComputer: 'From this computer',
      thisComputerHint: 'Reads ~/.ssh/config and ~/.ssh/known_hosts.',
      thisComputerHintWindows:
        "Reads PuTTY's sessions and host keys from the registry, and ~/.ssh/config and ~/.ssh/known_hosts.",
      fileTitle: 'From a file',
      file: 'File',
      fileHint:
        'A PuTTY export from the registry (.reg, e.g. by reg export HKCU\\Software\\SimonTatham\\PuTTY putty.reg), an ssh config or a known_hosts file',
      browse: 'Browse …',
      fileMissing: 'Please enter a file.',
      read: 'Read file',
      reading: 'Reading …',
      cancel: 'Cancel',
    },
    preview: {
      title: 'Preview: what will be imported',
      sources: 'Read: {{sources}}',
      noSources: 'Nothing to read was found on this computer.',
      registry: 'PuTTY (registry)',
      origin: 'From {{source}}',
      originLine: 'From {{source}}, line {{line}}',
      profiles: 'Profiles',
      hostKeys: 'Host keys',
      keyFiles: 'Key files',
      noProfiles: 'No profiles found.',
      noHostKeys: 'No host keys found.',
      noKeyFiles: 'No key files named.',
      selected: 'Selected: profiles {{profiles}}, host keys {{hostKeys}}, key files {{keyFiles}}.',
      nothingSelected: 'Nothing selected.',
      apply: 'Import selection',
      applying: 'Importing …',
      cancel: 'Cancel',
    },
    profile: {
      status: {
        new: 'New',
        duplicate: 'Already there',
        conflict:
          'Another profile is already called “{{name}}”. It stays as it is unless you select this one.',
      },
      duplicateAs: 'Already there as “{{name}}”',
      replaces: 'Replaces the stored profile “{{name}}”',
      agentForwarding: 'with agent forwarding',
      keyPath: 'Key file: {{path}}',
      notCarried: 'Not taken over:',
    },
    notCarried: {
      appSetting: 'the app has it once for all connections (settings)',
      alwaysSent: 'the app sends it anyway',
      unsupported: 'the app has no such setting',
      fileMissing: 'file not on this computer',
    },
    hostKey: {
      status: {
        new: 'New',
        duplicate: 'Already there',
        conflict:
          'A different key is stored for this server ({{fingerprint}}). A changed host key may mean an attack: select it only if you know for sure that the server has a new key.',
      },
      replaces: 'Replaces the stored key {{fingerprint}}. Caution: a changed host key may mean an attack.',
      hashed: 'hashed entry',
      hashedLine: 'hashed entry, line {{line}}',
      fingerprint: 'Fingerprint',
    },
    keyFile: {
      status: {
        new: 'Is loaded into the agent, and again at every start.',
        missing: 'Not found on this computer: not loaded.',
        loaded: 'Loaded at start already.',
      },
      usedBy: 'Used by: {{names}}',
    },
    problems: {
      title: 'Notes from reading',
      whereLine: '{{source}}, line {{line}}',
      nothingFound: 'Nothing to import was found.',
    },
    problem: {
      'import.fileUnreadable': 'The file could not be read ({{reason}}).',
      'import.fileTooLarge': 'The file is larger than {{limitMiB}} MiB and was not read.',
      'import.fileBinary': 'The file is not a text file and was not read.',
      'import.notRecognised':
        'The file is neither a PuTTY export (.reg) nor an ssh config nor a known_hosts file.',
      'reg.notRegistryExport': 'The file is not an export of the Registry Editor.',
      'reg.truncated': 'The registry export is incomplete; the rest is missing.',
      'reg.badLine': 'This line of the registry export cannot be read and was skipped.',
      'reg.badValue': 'The value {{name}} cannot be read and was skipped.',
      'putty.notSsh': 'The session “{{session}}” uses {{protocol}}, not SSH: not taken over.',
      'putty.proxyUnsupported':
        'The session “{{session}}” goes through a proxy ({{method}}) the app does not support.',
      'putty.noHost': 'The session “{{session}}” names no server: not taken over.',
      'putty.hostKeyUnreadable': 'The host key {{name}} cannot be read: not taken over.',
      'putty.registryUnreadable':
        'No PuTTY sessions were found in the registry, or it could not be read ({{reason}}).',
      'putty.hostKeyTypeUnsupported':
        'The host key {{name}} has the type {{type}}, which the app does not support: not taken over.',
      'sshConfig.badLine': 'The line with {{keyword}} cannot be read and was skipped.',
      'sshConfig.includeLoop': 'Include {{path}} would include itself and was skipped.',
      'sshConfig.includeUnreadable': 'The included file {{path}} could not be read ({{reason}}).',
      'sshConfig.wildcardBlock':
        'Host {{patterns}} applies to several servers and becomes no profile; its settings ({{settings}}) apply to the matching profiles.',
      'sshConfig.matchBlock':
        'Match blocks ({{criteria}}) are not evaluated; their settings were not taken over.',
      'sshConfig.multiHop':
        'Host {{host}} goes through several jump hosts ({{jump}}); the app knows only one portal server: not taken over.',
      'sshConfig.jumpUnreadable': 'The jump host {{jump}} of host {{host}} cannot be read: not taken over.',
      'knownHosts.badLine': 'This line is not a valid entry and was skipped.',
      'knownHosts.badKey': 'The key in this line cannot be read and was skipped.',
      'knownHosts.revoked':
        'The key {{fingerprint}} for {{hosts}} is marked as revoked (@revoked): not taken over.',
      'knownHosts.certAuthority':
        'The entry for {{hosts}} is a certificate authority (@cert-authority): not taken over.',
      'knownHosts.pattern':
        'The entry for {{pattern}} applies to several servers through wildcards or negations: not taken over.',
      'profile.invalid': '“{{name}}” is not valid as a profile ({{field}}): not taken over.',
      'profile.jumpTargetRenamed':
        '“{{name}}” goes through a portal to {{host}}. Through a portal the app reaches only the Backupserver ({{backupHost}}) or an IP address: not imported.',
    },
    field: {
      name: 'name',
      host: 'server',
      port: 'port',
      user: 'user name',
      portalHost: 'portal server',
      portalPort: 'port of the portal server',
      keyPath: 'key file',
    },
    readReason: {
      notAFile: 'not a file',
      ENOENT: 'not found',
      EACCES: 'no permission',
      EPERM: 'no permission',
      EISDIR: 'a folder',
    },
    result: {
      title: 'Import finished',
      profilesAdded_one: '{{count}} profile imported',
      profilesAdded_other: '{{count}} profiles imported',
      hostKeysAdded_one: '{{count}} host key added',
      hostKeysAdded_other: '{{count}} host keys added',
      replaced: '{{count}} replaced',
      skipped: '{{count}} skipped',
      skippedTitle: 'Skipped',
      skip: {
        duplicate: 'already there',
        invalid: 'not valid, not saved',
        gone: 'preview out of date, please read again',
      },
      keyFilesTitle: 'Load key files into the agent',
      done: 'Done',
    },
    keyLoad: {
      loading: 'Loading …',
      loaded: 'Loaded: {{name}}. Is loaded at every start.',
      passphraseNeeded: 'The file is protected by a passphrase.',
      passphrase: 'Passphrase for {{path}}',
      load: 'Load',
      skip: 'Skip',
      skipped: 'Skipped: not loaded.',
    },
    export: {
      title: 'Export for OpenSSH',
      intro:
        'So that ssh, scp and other programs use the same profiles and host keys. The files hold no private keys and no passphrases.',
      loading: 'Creating …',
      sshConfig: 'SSH config (profiles)',
      sshConfigHint:
        'Save the file as ~/.ssh/{{fileName}} and include it at the very top of ~/.ssh/config, before the first Host entry:',
      knownHosts: 'Known host keys (known_hosts)',
      knownHostsHint:
        'Save the file as {{file}} (not over your existing known_hosts) and name it at the very top of ~/.ssh/config:',
      copy: 'Copy',
      copyLabel: 'Copy {{what}}',
      copied: 'Copied to the clipboard.',
      copyFailed: 'Cannot copy. Please select and copy it yourself.',
      save: 'Save',
      saveLabel: 'Save {{what}}',
      close: 'Close',
    },
  },
};

export const movingInTexts = { de, en };
