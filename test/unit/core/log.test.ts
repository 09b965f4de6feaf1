// Logging is safe by construction (src/main/core/log.ts): secrets fed through
// every field, as error messages and as unknown fields never reach a line,
// and a computed text does not even compile.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/main/core/app-error';
import {
  createMemoryLogger,
  createNodeLogger,
  errorCode,
  formatLogLine,
  stackOf,
  type LogFields,
} from '../../../src/main/core/log';

const PASSPHRASE = 'Korrekt Pferd Batterie Heftklammer 2026!';
const PASSCODE = '738 291';
const PRIVATE_KEY =
  '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAACmFlczI1Ni1jdHIAAAAGYmNyeXB0\n-----END OPENSSH PRIVATE KEY-----\n';
const SETTINGS = '{"email":"max@firma.de","phone":"+49 170 1234567"}';
const TOKEN = 'a/b+c=d?e&f#g';
const SECRETS = [PASSPHRASE, PASSCODE, PRIVATE_KEY, SETTINGS, TOKEN];
/**
 * Secrets whose shape no field's kind allows. A DUO passcode is six digits:
 * it fits a count or a file name, so no check of shapes can tell it apart;
 * what keeps it out is that no code names it in a field (the end-to-end
 * search in test/integration/secrets/ looks for it in every log).
 */
const SHAPED_SECRETS = [PASSPHRASE, PRIVATE_KEY, SETTINGS, TOKEN];

/** Every field of LogFields, each given every secret in turn. */
const FIELDS: (keyof LogFields)[] = [
  'code',
  'call',
  'host',
  'port',
  'file',
  'path',
  'type',
  'bits',
  'source',
  'count',
  'bytes',
  'version',
  'reason',
  'where',
];

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** Feeds every secret through every field, and as errors, into `log`. */
function feedSecrets(log: ReturnType<typeof createMemoryLogger> | ReturnType<typeof createNodeLogger>) {
  for (const secret of SECRETS) {
    if (SHAPED_SECRETS.includes(secret))
      for (const field of FIELDS) log.warn('a line', { [field]: secret } as LogFields);
    // Fields the logger does not know are left out, whatever their name.
    log.error('a line', { passphrase: secret, detail: secret } as unknown as LogFields);
    // Errors give their code or class, never their message.
    const parseError = new SyntaxError(`Unexpected token in JSON at position 3: ${secret}`);
    log.error('a line', { code: errorCode(parseError), where: stackOf(parseError) });
    log.error('a line', { code: errorCode(Object.assign(new Error(secret), { code: secret })) });
  }
}

describe('safe logging', () => {
  it('lets no passphrase, passcode, private key, settings content or token into a line', () => {
    const log = createMemoryLogger();
    feedSecrets(log);
    const text = log.lines.join('\n');
    // Not vacuous: every call wrote a line, and the fields were there.
    expect(log.lines).toHaveLength(SHAPED_SECRETS.length * FIELDS.length + SECRETS.length * 3);
    expect(text).toContain('code=[redacted]');
    expect(text).toContain('code=SyntaxError');
    for (const secret of SECRETS) {
      expect(text).not.toContain(secret);
      for (const part of secret.split(/[\s\n]+/).filter((p) => p.length >= 8))
        expect(text).not.toContain(part);
    }
    expect(text).not.toContain('passphrase=');
    expect(text).not.toContain('Unexpected token');
  });

  it('writes the same to a log file', () => {
    dir = mkdtempSync(join(tmpdir(), 'fw-log-'));
    const file = join(dir, 'logs', 'host.log');
    const log = createNodeLogger({ file, consoleLevel: false });
    feedSecrets(log);
    log.info('host: serving on 127.0.0.1', { port: 4711, path: dir });
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(`host: serving on 127.0.0.1 port=4711 path=${dir}`);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  });

  it('keeps what a field of its kind may hold', () => {
    expect(
      formatLogLine('session: connect failed', {
        host: 'schule.example.de',
        port: 22,
        code: 'ssh.authFailed',
        file: '/home/max/.ssh/Schlüssel für Müller.ppk',
        version: '1.2.0-beta.1',
        reason: 'SIGTERM',
        bits: 4096,
      }),
    ).toBe(
      'session: connect failed code=ssh.authFailed host=schule.example.de port=22 file=Schlüssel für Müller.ppk bits=4096 version=1.2.0-beta.1 reason=SIGTERM',
    );
    expect(formatLogLine('x', { host: '[fe80::1%eth0]', port: Number.NaN })).toBe(
      'x host=[fe80::1%eth0] port=[redacted]',
    );
    expect(formatLogLine('x', { path: '/tmp/a\nforged: line' })).toBe('x path=[redacted]');
    expect(formatLogLine('x', { path: 'C:\\Users\\Max Müller\\AppData' })).toBe(
      'x path=C:\\Users\\Max Müller\\AppData',
    );
  });

  it("names an error by its code or class, and a bug's place by stack frames only", () => {
    expect(errorCode(new AppError('keys.wrongPassphrase'))).toBe('keys.wrongPassphrase');
    expect(errorCode(Object.assign(new Error('listen EADDRINUSE 127.0.0.1'), { code: 'EADDRINUSE' }))).toBe(
      'EADDRINUSE',
    );
    expect(errorCode(new TypeError(PASSPHRASE))).toBe('TypeError');
    expect(errorCode('a thrown string')).toBe('string');
    const where = stackOf(new Error(PASSPHRASE));
    expect(where).toMatch(/^at .*log\.test\.ts/);
    expect(where).not.toContain(PASSPHRASE);
  });

  it('takes only string literals as the text (a type error otherwise)', () => {
    const log = createMemoryLogger();
    const host: string = ['schule.example.de'][0]!;
    // @ts-expect-error a computed text could carry anything: the varying part goes into a field
    log.info(`connected to ${host}`);
    // @ts-expect-error a string variable is no literal either
    log.info(host);
    // @ts-expect-error free objects are no fields
    log.error('call failed', new Error(PASSPHRASE));
    log.info('connected', { host });
    expect(log.lines.at(-1)).toBe('info: connected host=schule.example.de');
  });
});
