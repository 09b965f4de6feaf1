import type { keyErrorCodes } from '../../../shared/errors/keys';
import type { ErrorTexts } from './types';

export const keyErrorTexts: ErrorTexts<(typeof keyErrorCodes)[number]> = {
  de: {
    'keys.policyRefused':
      'Dieser Schlüssel ({{type}}, {{bits}} Bit) ist nicht zulässig. IServ akzeptiert nur ED25519 oder RSA mit genau 4096 Bit.',
    'keys.empty': 'Die Schlüsseldatei ist leer. Bitte wählen Sie die Datei mit Ihrem privaten Schlüssel.',
    'keys.tooLarge':
      'Die Datei ist zu groß für einen Schlüssel (höchstens {{maxBytes}} Byte). Bitte wählen Sie die Datei mit Ihrem privaten Schlüssel.',
    'keys.publicKeyGiven':
      'Diese Datei enthält nur einen öffentlichen Schlüssel. Bitte wählen Sie die Datei mit dem privaten Schlüssel (bei OpenSSH meist dieselbe Datei ohne „.pub“).',
    'keys.unsupportedFormat':
      'Das Format dieser Datei wird nicht unterstützt. Lesbar sind private Schlüssel im OpenSSH-Format, PuTTY-Dateien (.ppk, Version 2 und 3) und PEM/PKCS#8.',
    'keys.unsupportedEncryption':
      'Die Schlüsseldatei ist mit einem nicht unterstützten Verfahren verschlüsselt ({{cipher}}). Bitte speichern Sie den Schlüssel mit ssh-keygen oder PuTTYgen neu.',
    'keys.passphraseRequired':
      'Dieser Schlüssel ist mit einer Passphrase geschützt. Bitte geben Sie die Passphrase ein.',
    'keys.wrongPassphrase':
      'Die Passphrase ist falsch. Bitte prüfen Sie die Eingabe (auch Groß- und Kleinschreibung) und versuchen Sie es erneut.',
    'keys.corrupt':
      'Die Schlüsseldatei ist beschädigt oder unvollständig. Bitte verwenden Sie eine unveränderte Kopie der Datei.',
    'keys.kdfTooExpensive':
      'Die Schlüsseldatei verlangt eine zu aufwendige Schlüsselableitung ({{kdf}}: {{parameter}} = {{value}}, höchstens {{limit}}). Sie wird aus Sicherheitsgründen nicht geöffnet. Bitte speichern Sie den Schlüssel mit üblichen Einstellungen neu.',
    'keys.newPassphraseEmpty': 'Bitte vergeben Sie eine Passphrase für den neuen Schlüssel.',
    'keys.commentInvalid':
      'Der Kommentar des Schlüssels darf keine Zeilenumbrüche oder Steuerzeichen enthalten und höchstens 1024 Zeichen lang sein. Verwenden Sie Ihre E-Mail-Adresse.',
    'keys.generationFailed': 'Der Schlüssel konnte nicht erzeugt werden. Bitte versuchen Sie es erneut.',
    'keys.fileExists':
      'Die Datei {{path}} existiert bereits. Bitte wählen Sie einen anderen Namen oder bestätigen Sie das Überschreiben.',
    'keys.writeFailed': 'Die Datei {{path}} konnte nicht geschrieben werden ({{reason}}).',
    'keys.permissionsFailed':
      'Die Zugriffsrechte für {{path}} konnten nicht auf Sie allein beschränkt werden. Der Schlüssel wurde nicht gespeichert.',
    'keys.workerFailed':
      'Bei der Verarbeitung des Schlüssels ist ein interner Fehler aufgetreten. Bitte versuchen Sie es erneut.',
    'keys.timedOut': 'Die Verarbeitung des Schlüssels hat zu lange gedauert und wurde abgebrochen.',
  },
  en: {
    'keys.policyRefused':
      'This key ({{type}}, {{bits}} bits) is not allowed. IServ accepts only ED25519, or RSA with exactly 4096 bits.',
    'keys.empty': 'The key file is empty. Please choose the file holding your private key.',
    'keys.tooLarge':
      'The file is too large to be a key (at most {{maxBytes}} bytes). Please choose the file holding your private key.',
    'keys.publicKeyGiven':
      'This file holds only a public key. Please choose the file with the private key (for OpenSSH usually the same name without ".pub").',
    'keys.unsupportedFormat':
      'The format of this file is not supported. Supported are OpenSSH private keys, PuTTY files (.ppk, version 2 and 3) and PEM/PKCS#8.',
    'keys.unsupportedEncryption':
      'The key file is encrypted with an unsupported method ({{cipher}}). Please save the key again with ssh-keygen or PuTTYgen.',
    'keys.passphraseRequired': 'This key is protected by a passphrase. Please enter the passphrase.',
    'keys.wrongPassphrase':
      'The passphrase is wrong. Please check what you typed (including upper and lower case) and try again.',
    'keys.corrupt': 'The key file is damaged or incomplete. Please use an unmodified copy of the file.',
    'keys.kdfTooExpensive':
      'The key file asks for an excessively expensive key derivation ({{kdf}}: {{parameter}} = {{value}}, at most {{limit}}). For safety it is not opened. Please save the key again with usual settings.',
    'keys.newPassphraseEmpty': 'Please choose a passphrase for the new key.',
    'keys.commentInvalid':
      'The key comment must not contain line breaks or control characters and must be at most 1024 characters long. Use your e-mail address.',
    'keys.generationFailed': 'The key could not be generated. Please try again.',
    'keys.fileExists':
      'The file {{path}} already exists. Please choose another name or confirm overwriting it.',
    'keys.writeFailed': 'The file {{path}} could not be written ({{reason}}).',
    'keys.permissionsFailed':
      'Access to {{path}} could not be restricted to you alone. The key was not saved.',
    'keys.workerFailed': 'An internal error occurred while processing the key. Please try again.',
    'keys.timedOut': 'Processing the key took too long and was stopped.',
  },
};
