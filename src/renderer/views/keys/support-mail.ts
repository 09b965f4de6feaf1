// The e-mail to IServ support with a new public key, as a mailto: link.
// Pure: no DOM, no i18n instance, so it is unit-tested on its own. It carries
// public information only; anything that looks like private material is refused.
import type { Language } from '../../../shared/model/settings';

export const SUPPORT_ADDRESS = 'support@iserv.eu';

export interface SupportMailDetails {
  /** OpenSSH public key line: `ssh-ed25519 AAAA... comment`. */
  publicKey: string;
  fingerprint: string;
  /** `<firm prefix>-<vorname.nachname>`. */
  remoteUser: string;
  /** Mobile number of the phone that gets DUO. */
  phone: string;
  email: string;
}

export interface MailContent {
  to: string;
  subject: string;
  body: string;
}

const PUBLIC_KEY_LINE = /^(ssh-ed25519|ssh-rsa) [A-Za-z0-9+/]+={0,2}( [^\r\n]*)?$/;

const texts: Record<Language, (d: SupportMailDetails) => { subject: string; lines: string[] }> = {
  de: (d) => ({
    subject: `SSH-Schlüssel für ${d.remoteUser}`,
    lines: [
      'Guten Tag,',
      '',
      'bitte hinterlegen Sie meinen öffentlichen SSH-Schlüssel für die Fernwartung.',
      '',
      `Benutzername: ${d.remoteUser}`,
      `E-Mail: ${d.email}`,
      `Mobilnummer für DUO: ${d.phone}`,
      `Fingerabdruck: ${d.fingerprint}`,
      '',
      'Öffentlicher Schlüssel (OpenSSH):',
      d.publicKey,
      '',
      'Mit freundlichen Grüßen',
    ],
  }),
  en: (d) => ({
    subject: `SSH key for ${d.remoteUser}`,
    lines: [
      'Hello,',
      '',
      'please add my public SSH key for remote maintenance.',
      '',
      `User name: ${d.remoteUser}`,
      `E-mail: ${d.email}`,
      `Mobile number for DUO: ${d.phone}`,
      `Fingerprint: ${d.fingerprint}`,
      '',
      'Public key (OpenSSH):',
      d.publicKey,
      '',
      'Kind regards',
    ],
  }),
};

/** Subject and body of the mail to support; throws if the key is not a public key line. */
export function supportMail(details: SupportMailDetails, language: Language): MailContent {
  const publicKey = details.publicKey.trim();
  if (!PUBLIC_KEY_LINE.test(publicKey) || /PRIVATE/i.test(publicKey)) {
    throw new Error('supportMail: not an OpenSSH public key line');
  }
  // One line per field: a line break in a field would forge the mail's layout.
  const oneLine = (value: string) => value.replace(/[\r\n]+/g, ' ').trim();
  const clean: SupportMailDetails = {
    publicKey,
    fingerprint: oneLine(details.fingerprint),
    remoteUser: oneLine(details.remoteUser),
    phone: oneLine(details.phone),
    email: oneLine(details.email),
  };
  const { subject, lines } = texts[language](clean);
  return { to: SUPPORT_ADDRESS, subject, body: lines.join('\r\n') };
}

/**
 * `mailto:` URL (RFC 6068): header values percent-encoded as UTF-8, spaces as
 * %20 (not +), line breaks as %0D%0A.
 */
export function mailtoHref({ to, subject, body }: MailContent): string {
  const crlf = body.replace(/\r?\n/g, '\r\n');
  const encode = (value: string) => encodeURIComponent(value);
  return `mailto:${encodeURI(to)}?subject=${encode(subject)}&body=${encode(crlf)}`;
}
