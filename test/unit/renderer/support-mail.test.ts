import { describe, expect, it } from 'vitest';
import {
  SUPPORT_ADDRESS,
  mailtoHref,
  supportMail,
  type SupportMailDetails,
} from '../../../src/renderer/views/keys/support-mail';

const PUBLIC_KEY =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBn+/4rZ0a1b2c3d4e5f6g7h8i9j0kLmNoPqRsTuVwX max.mustermann+fw@firma.de';
const details: SupportMailDetails = {
  publicKey: PUBLIC_KEY,
  fingerprint: 'SHA256:abc+/def',
  remoteUser: 'iserv-max.mustermann',
  phone: '+49 (170) 123-4567',
  email: 'max.mustermann+fw@firma.de',
};

/** Decodes a mailto URL the way a mail program does. */
function parseMailto(href: string): { to: string; subject: string; body: string } {
  expect(href.startsWith('mailto:')).toBe(true);
  const [to, query] = href.slice('mailto:'.length).split('?') as [string, string];
  const fields: Record<string, string> = {};
  for (const pair of query.split('&')) {
    const [name, value] = pair.split('=') as [string, string];
    fields[name] = decodeURIComponent(value);
  }
  return { to: decodeURIComponent(to), subject: fields.subject!, body: fields.body! };
}

describe('supportMail', () => {
  it('goes to IServ support with the public key, remote user, phone and fingerprint (German)', () => {
    const mail = supportMail(details, 'de');
    expect(mail.to).toBe('support@iserv.eu');
    expect(mail.subject).toBe('SSH-Schlüssel für iserv-max.mustermann');
    const lines = mail.body.split('\r\n');
    expect(lines).toContain(PUBLIC_KEY);
    expect(lines).toContain('Benutzername: iserv-max.mustermann');
    expect(lines).toContain('Mobilnummer für DUO: +49 (170) 123-4567');
    expect(lines).toContain('E-Mail: max.mustermann+fw@firma.de');
    expect(lines).toContain('Fingerabdruck: SHA256:abc+/def');
  });

  it('speaks English when asked', () => {
    const mail = supportMail(details, 'en');
    expect(mail.subject).toBe('SSH key for iserv-max.mustermann');
    expect(mail.body.split('\r\n')).toEqual(
      expect.arrayContaining([
        'User name: iserv-max.mustermann',
        'Mobile number for DUO: +49 (170) 123-4567',
        PUBLIC_KEY,
      ]),
    );
  });

  it('refuses anything but an OpenSSH public key line', () => {
    const pem =
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----';
    expect(() => supportMail({ ...details, publicKey: pem }, 'de')).toThrow(/public key/);
    expect(() => supportMail({ ...details, publicKey: 'ecdsa-sha2-nistp256 AAAA x' }, 'de')).toThrow(
      /public key/,
    );
    expect(() => supportMail({ ...details, publicKey: `${PUBLIC_KEY}\nssh-rsa AAAA` }, 'de')).toThrow(
      /public key/,
    );
  });

  it('keeps each field on its own line, so a field cannot add lines to the mail', () => {
    const mail = supportMail({ ...details, phone: '+49 170\r\nBcc: evil@example.org' }, 'de');
    expect(mail.body.split('\r\n')).toContain('Mobilnummer für DUO: +49 170 Bcc: evil@example.org');
    expect(mail.body.split('\r\n').some((line) => line.startsWith('Bcc:'))).toBe(false);
  });
});

describe('mailtoHref', () => {
  it('percent-encodes subject and body so that they come back unchanged', () => {
    const mail = supportMail(details, 'de');
    const href = mailtoHref(mail);
    expect(href.startsWith(`mailto:${SUPPORT_ADDRESS}?subject=`)).toBe(true);
    expect(parseMailto(href)).toEqual({ to: SUPPORT_ADDRESS, subject: mail.subject, body: mail.body });
  });

  it('encodes the characters that would break the URL or a mail header', () => {
    const href = mailtoHref({ to: SUPPORT_ADDRESS, subject: 'a b&c=d?e#f%g+h ü', body: 'one\ntwo\r\nthree' });
    const query = href.split('?')[1]!;
    // Exactly two parameters: no stray & or = from the values.
    expect(query.split('&')).toHaveLength(2);
    expect(href).not.toMatch(/[ #\n\r]/);
    expect(href).toContain('subject=a%20b%26c%3Dd%3Fe%23f%25g%2Bh%20%C3%BC');
    // Line breaks become CRLF (RFC 6068), spaces %20 and not '+'.
    expect(href).toContain('body=one%0D%0Atwo%0D%0Athree');
    expect(parseMailto(href).body).toBe('one\r\ntwo\r\nthree');
  });
});
