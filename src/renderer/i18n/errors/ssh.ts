import type { sshErrorCodes } from '../../../shared/errors/ssh';
import type { ErrorTexts } from './types';

export const sshErrorTexts: ErrorTexts<(typeof sshErrorCodes)[number]> = {
  de: {
    'ssh.hostNotFound': 'Der Rechnername „{{host}}“ wurde nicht gefunden.',
    'ssh.hostUnreachable':
      'Der Server {{host}} (Port {{port}}) ist nicht erreichbar. Bitte prüfen Sie die Netzwerkverbindung.',
    'ssh.connectionRefused':
      'Der Server {{host}} hat die Verbindung auf Port {{port}} abgelehnt. Läuft dort ein SSH-Dienst?',
    'ssh.timeout':
      'Der Server {{host}} (Port {{port}}) hat nicht innerhalb von {{seconds}} Sekunden geantwortet.',
    'ssh.authFailed':
      'Die Anmeldung als „{{username}}“ an {{host}} ist fehlgeschlagen. Ist Ihr öffentlicher Schlüssel auf dem Server hinterlegt?',
    'ssh.authCancelled': 'Sie haben die Anmeldung an {{host}} abgebrochen.',
    'ssh.hostKeyRejected':
      'Sie haben den Hostschlüssel von {{host}} ({{fingerprint}}) nicht bestätigt. Es wurde keine Verbindung aufgebaut.',
    'ssh.hostKeyChanged':
      'ACHTUNG: Der Hostschlüssel von {{host}} (Port {{port}}) hat sich geändert! Bekannt: {{knownKeyType}} {{knownFingerprint}}, jetzt: {{keyType}} {{fingerprint}}. Das kann ein Angriff sein. Die Verbindung wurde abgebrochen, bevor Anmeldedaten gesendet wurden.',
    'ssh.wrongPassphrase': 'Die Passphrase für Ihren privaten Schlüssel ist falsch.',
    'ssh.passphraseRequired': 'Ihr privater Schlüssel ist verschlüsselt. Bitte geben Sie die Passphrase ein.',
    'ssh.keyUnreadable': 'Der private Schlüssel kann nicht gelesen werden: {{detail}}',
    'ssh.disconnected': 'Die Verbindung zu {{host}} (Port {{port}}) wurde unerwartet getrennt.',
    'ssh.algorithmUnsupported':
      'Der Server {{host}} verwendet ein Verschlüsselungsverfahren, das diese Anwendung nicht unterstützt ({{detail}}).',
    'ssh.protocolError': 'Bei der SSH-Verbindung zu {{host}} ist ein Fehler aufgetreten: {{detail}}',
    'ssh.notSshServer':
      '{{host}}:{{port}} ist kein SSH-Server. Er antwortete: „{{reply}}“. Prüfen Sie Servername und Port.',
    'ssh.channelFailed': 'Der Server {{host}} hat das Öffnen einer Terminalsitzung abgelehnt: {{detail}}',
    'ssh.forwardingRefused':
      'Der Portalserver {{host}} leitet nicht zu {{target}} weiter ({{reason}}). Bitte prüfen Sie den Backupserver oder wenden Sie sich an den Administrator des Portals.',
    'ssh.approvalTimedOut':
      'Die Anmeldung an {{host}} wurde nicht innerhalb von {{seconds}} Sekunden auf dem Smartphone bestätigt.',
    'ssh.approvalDenied':
      'Der Schlüssel wurde von {{host}} angenommen, aber die DUO-Bestätigung ist fehlgeschlagen (abgelehnt oder falscher Passcode).',
    'ssh.keepaliveTimeout':
      'Die Verbindung zu {{host}} antwortet nicht mehr (keine Antwort auf Keepalive). Die Leitung ist vermutlich unterbrochen.',
  },
  en: {
    'ssh.hostNotFound': 'The host name “{{host}}” was not found.',
    'ssh.hostUnreachable':
      'The server {{host}} (port {{port}}) cannot be reached. Please check the network connection.',
    'ssh.connectionRefused':
      'The server {{host}} refused the connection on port {{port}}. Is an SSH service running there?',
    'ssh.timeout': 'The server {{host}} (port {{port}}) did not answer within {{seconds}} seconds.',
    'ssh.authFailed':
      'Logging in to {{host}} as “{{username}}” failed. Is your public key installed on the server?',
    'ssh.authCancelled': 'You cancelled the login to {{host}}.',
    'ssh.hostKeyRejected':
      'You did not confirm the host key of {{host}} ({{fingerprint}}). No connection was made.',
    'ssh.hostKeyChanged':
      'WARNING: The host key of {{host}} (port {{port}}) has changed! Known: {{knownKeyType}} {{knownFingerprint}}, now: {{keyType}} {{fingerprint}}. This may be an attack. The connection was closed before any credentials were sent.',
    'ssh.wrongPassphrase': 'The passphrase for your private key is wrong.',
    'ssh.passphraseRequired': 'Your private key is encrypted. Please enter its passphrase.',
    'ssh.keyUnreadable': 'The private key cannot be read: {{detail}}',
    'ssh.disconnected': 'The connection to {{host}} (port {{port}}) was closed unexpectedly.',
    'ssh.algorithmUnsupported':
      'The server {{host}} uses an encryption method this application does not support ({{detail}}).',
    'ssh.protocolError': 'An error occurred on the SSH connection to {{host}}: {{detail}}',
    'ssh.notSshServer':
      '{{host}}:{{port}} is not an SSH server. It answered: “{{reply}}”. Check the server name and the port.',
    'ssh.channelFailed': 'The server {{host}} refused to open a terminal session: {{detail}}',
    'ssh.forwardingRefused':
      'The portal server {{host}} does not forward to {{target}} ({{reason}}). Check the backup server, or ask the portal’s administrator.',
    'ssh.approvalTimedOut': 'The login to {{host}} was not approved on the phone within {{seconds}} seconds.',
    'ssh.approvalDenied':
      '{{host}} accepted the key, but the DUO approval failed (denied, or a wrong passcode).',
    'ssh.keepaliveTimeout':
      'The connection to {{host}} stopped answering (no keepalive reply). The link is probably down.',
  },
};
