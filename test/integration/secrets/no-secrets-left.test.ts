// Issue 13, "Secrets": a whole working session through the real headless host
// (the built out/host, its own process, log file and data folder), driven over
// the WebSocket bridge as the page drives it, with every frame the host sent
// kept. The wizard makes a key; a key with a passphrase is imported (after a
// wrong try) and remembered; a Backupserver session logs in through a DUO portal
// with a passcode (after a mistyped one); a password is typed at `read -s` on
// the OpenSSH server behind it with session logging "all output" on; the agent
// is locked and unlocked; the next start asks the remembered key's passphrase.
// Then every file of the data folder (logs, session logs, documents, key
// files), of the home and temp folders the host was given (a stray log, e.g.
// electron-log's default under ~/.config, would be there), the host's stdout
// and stderr, and every frame sent to the renderer are searched for each secret
// in several encodings (secret-search.ts): none may be found.
//
// Two more tests run the backend in this process: every secret field of the
// contract refused in several ways (no failed result may carry the value), and
// a passphrase kept by the OS keychain (Electron only; the host has none) with
// the stand-in keychain.
//
// Secrets are random per run and never printed: a hit names its kind and place.
// Runs the built host: `npm run build` first.
import { execFileSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ssh2 from 'ssh2';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { startHost, type RunningHost } from '../../../e2e/fixtures/host';
import type { Api } from '../../../src/shared/contract/api';
import { startTestBackend, type TestBackend } from '../../fixtures/app/backend';
import { fakeVault } from '../../fixtures/app/fake-vault';
import { watchSessions } from '../../fixtures/app/session-watch';
import { startDuoServer, type DuoServer } from '../../fixtures/duo-server';
import { startSshd, type Sshd } from '../../fixtures/sshd';
import { connectRecordingBridge, type RecordingBridge } from './recording-bridge';
import { describeHit, filesUnder, searchSecrets, type Place, type Secret } from './secret-search';

const hostBundle = 'out/host/index.js';
const EMAIL = 'max.muster@firma.de';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
const random = (n: number) => Array.from({ length: n }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
const digits = (n: number) => Array.from({ length: n }, () => String(randomInt(10))).join('');

/** The error code of a call that must fail (the error itself is not printed: it could hold what went in). */
const failureCode = (call: Promise<unknown>) =>
  call.then(
    () => 'succeeded',
    (error: unknown) => (error as { info?: { code?: string } }).info?.code ?? 'no code',
  );

/** The key as the test knows it: the file, its public line and what of it is secret. */
interface TestKey {
  path: string;
  publicKey: string;
  /** The ED25519 seed (the private key), its DER, and a slice of the key file's ciphertext. */
  secret: Secret;
}

/** The private part of an ED25519 key file: its seed, and its PKCS#8 DER as a decrypting program holds it. */
function privateKeyOf(path: string, passphrase: string, kind: string): Secret {
  const parsed = ssh2.utils.parseKey(readFileSync(path, 'utf8'), passphrase);
  if (parsed instanceof Error || Array.isArray(parsed)) throw new Error('the test key does not parse');
  // PKCS#8 DER of an ED25519 key ends with the 32-byte seed. A decrypted key file holds the seed
  // too; its base64 is found at any alignment (secret-search.ts).
  const der = Buffer.from(
    parsed
      .getPrivatePEM()
      .replace(/-----[^-]+-----/g, '')
      .replace(/\s+/g, ''),
    'base64',
  );
  return { kind, value: der.subarray(-32), extra: [{ encoding: 'PKCS#8 DER', bytes: der }] };
}

function makeKey(dir: string, passphrase: string): TestKey {
  const path = join(dir, 'id_ed25519');
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', passphrase, '-C', EMAIL, '-f', path]);
  const secret = privateKeyOf(path, passphrase, 'private key');
  // The second-last line of the file's base64 is ciphertext of the private part: a copy of the
  // file (encrypted as it is) is found by it.
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => /^[A-Za-z0-9+/=]{40,}$/.test(l));
  secret.extra!.push({ encoding: 'key file line (encrypted)', bytes: Buffer.from(lines.at(-2)!, 'utf8') });
  return { path, publicKey: readFileSync(`${path}.pub`, 'utf8').trim(), secret };
}

/** Holds what this process writes to stdout and stderr; `release` passes it on (or drops it). */
function captureOutput() {
  const chunks: Buffer[] = [];
  const streams = [process.stdout, process.stderr];
  const originals = streams.map((stream) => stream.write.bind(stream));
  for (const stream of streams)
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      chunks.push(Buffer.from(chunk));
      const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      done?.();
      return true;
    }) as typeof stream.write;
  return {
    bytes: () => Buffer.concat(chunks),
    release(passOn: boolean) {
      streams.forEach((stream, i) => (stream.write = originals[i]!));
      if (passOn && chunks.length > 0) process.stderr.write(Buffer.concat(chunks));
      else if (chunks.length > 0)
        process.stderr.write('(output of the backend held back: it held a secret)\n');
    },
  };
}

/** Ends the test with the hits as readable lines (kinds and places, never a secret). */
function expectNoHits(secrets: Secret[], places: Place[]) {
  const hits = searchSecrets(secrets, places).map(describeHit);
  expect(hits, 'secrets found').toEqual([]);
}

describe('no secret is left in logs, files or messages', () => {
  let dir: string;
  let passphrase: string;
  let key: TestKey;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'fw-secrets-'));
    // Characters that JSON, URLs and shells would write differently: a leak in any of those forms is found.
    passphrase = `Kreide-${random(14)} "Tafel" \\ Schwämme-${random(14)}`;
    key = makeKey(dir, passphrase);
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  describe('a full session through the headless host', () => {
    let portal: DuoServer;
    let sshd: Sshd;
    let dataDir: string;
    let home: string;
    let hostTmp: string;
    const hosts: RunningHost[] = [];
    const bridges: RecordingBridge[] = [];

    beforeAll(async () => {
      if (!existsSync(hostBundle)) throw new Error(`${hostBundle} is missing: run npm run build first`);
      dataDir = join(dir, 'data');
      home = mkdtempSync(join(tmpdir(), 'fw-secrets-home-'));
      hostTmp = mkdtempSync(join(tmpdir(), 'fw-secrets-tmp-'));
      portal = await startDuoServer({ authorizedKeys: [key.publicKey] });
      sshd = await startSshd({ authorizedKeys: [key.publicKey] });
    });
    afterAll(async () => {
      for (const bridge of bridges) await bridge.close();
      for (const host of hosts) await host.stop();
      await portal?.stop();
      await sshd?.stop();
      if (home) rmSync(home, { recursive: true, force: true });
      if (hostTmp) rmSync(hostTmp, { recursive: true, force: true });
    });

    async function start(label: string): Promise<Api> {
      // The host's home and temp folders are ours: whatever it writes outside the data folder is searched.
      const host = await startHost({
        dataDir,
        args: ['--home', home],
        env: { HOME: home, XDG_CONFIG_HOME: join(home, '.config'), TMPDIR: hostTmp },
      });
      hosts.push(host);
      const bridge = await connectRecordingBridge(host.url, label);
      bridges.push(bridge);
      return bridge.api;
    }
    async function stop(): Promise<void> {
      await bridges.at(-1)!.close();
      expect(await hosts.at(-1)!.stop(), 'the host stops cleanly').toBe(0);
    }

    it('finds none of them anywhere', async () => {
      const wrongPassphrase = `Kreide-${random(14)} "Tafel" \\ Schwämme-${random(14)}`;
      const passcode = digits(20);
      const wrongPasscode = digits(20);
      const wizardPassphrase = `Neuer Schlüssel ${random(24)}`;
      const password = `Pw-${random(24)}"%`;
      const lockPassphrase = `Sperre-${random(24)}`;
      const marker = `MARK-${random(16)}`;
      portal.behaviour = { passcode, autopush: false, push: { result: 'deny' } };

      // First start: first use, session logging of all output.
      let api = await start('first run');
      await api.settings.update({
        firmPrefix: 'iserv',
        fullName: 'max.muster',
        email: EMAIL,
        logging: { mode: 'all', timestamps: true },
      });

      // The key wizard makes a new key (with a PuTTY copy) in the data folder: by design its files are
      // there, encrypted; its passphrase and private part are not.
      const wizardPath = (await api.keys.defaultPath({ type: 'ed25519' })).path;
      await api.keys.generate({
        type: 'ed25519',
        comment: EMAIL,
        passphrase: wizardPassphrase,
        path: wizardPath,
        ppkCopy: true,
      });
      const wizardKey = privateKeyOf(wizardPath, wizardPassphrase, 'private key made by the wizard');

      // The key: a wrong passphrase, one too long for the contract, then the right one; remembered.
      expect(await failureCode(api.keys.importFile({ path: key.path, passphrase: wrongPassphrase }))).toBe(
        'keys.wrongPassphrase',
      );
      expect(
        await failureCode(api.agent.addFile({ path: key.path, passphrase: passphrase.repeat(40) })),
      ).toBe('invalidInput');
      await api.keys.importFile({ path: key.path, passphrase });
      // The browser has no keychain: storing the passphrase is refused, remembering the key is not.
      expect(
        await failureCode(
          api.agent.addFile({ path: key.path, passphrase, remember: true, storePassphrase: true }),
        ),
      ).toBe('agent.vaultUnavailable');
      await api.agent.addFile({ path: key.path, passphrase, remember: true });

      // A Backupserver session: DUO passcode on the portal, OpenSSH behind it.
      const profile = await api.profiles.save({
        kind: 'backup',
        name: 'Geheimschule',
        host: '127.0.0.1',
        port: sshd.port,
        portalHost: '127.0.0.1',
        portalPort: portal.port,
        user: sshd.user,
        keyPath: '',
      });
      const w = watchSessions(api, {
        hostKey: 'acceptAndRemember',
        duo: [() => [wrongPasscode], () => [passcode]],
      });
      const { sessionId } = await api.sessions.open({ profileId: profile.id, cols: 100, rows: 30 });
      expect((await w.finalState(sessionId)).state).toBe('connected');
      // A mistyped passcode first: duo_unix asks again.
      expect(w.prompts.filter((p) => p.kind === 'keyboardInteractive')).toHaveLength(2);
      const screen = () => w.output.get(sessionId) ?? '';
      const type = async (data: string, waitFor: string) => {
        await api.terminal.write({ sessionId, data });
        await w.until(() => screen().includes(waitFor), `"${waitFor}" on the screen`);
      };
      // The marker is printed only by the command (its echo reads "MARK""-…"): a positive control.
      await type(`echo "MARK""-${marker.slice(5)}"\r`, marker);
      // bash prints read's prompt before it turns the echo off: the echo is turned off first, so
      // the prompt means it is off (a password echoed by a slow server would count as a leak).
      await type(
        `stty -echo; read -s -p "Pass""wort: " x; stty echo; echo "len=\${#x}" "do""ne"\r`,
        'Passwort: ',
      );
      await type(`${password}\r`, `len=${password.length} done`);
      await type('exit\r', '');
      await w.until(() => w.stateOf(sessionId).some((s) => s.state === 'disconnected'), 'the session ended');

      // The agent locked and unlocked with its own passphrase (a wrong one first).
      await api.agent.lock({ passphrase: lockPassphrase });
      expect(await failureCode(api.agent.unlock({ passphrase: wrongPassphrase }))).not.toBe('succeeded');
      await api.agent.unlock({ passphrase: lockPassphrase });
      // Closing the portal's kept connection closes the backup's on it too.
      for (const kept of await api.connections.list({}))
        if (kept.viaId === null) await api.connections.close({ id: kept.id });
      expect(await api.connections.list({})).toEqual([]);
      await stop();

      // Second start: the remembered key asks its passphrase, answered through the prompt.
      api = await start('second run');
      const deadline = Date.now() + 15_000;
      let asked = (await api.prompts.pending()).find((p) => p.kind === 'passphrase');
      while (!asked && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
        asked = (await api.prompts.pending()).find((p) => p.kind === 'passphrase');
      }
      expect(asked, 'the remembered key asks its passphrase').toBeDefined();
      await api.prompts.answer({ id: asked!.id, answer: { kind: 'passphrase', passphrase } });
      const loaded = Date.now() + 15_000;
      while ((await api.agent.list()).length === 0 && Date.now() < loaded)
        await new Promise((r) => setTimeout(r, 50));
      expect((await api.agent.list()).map((k) => k.publicKey.split(' ')[1])).toEqual([
        key.publicKey.split(' ')[1],
      ]);
      await stop();

      // What there is to search, and proof that it is not empty.
      const files = [...filesUnder(dataDir), ...filesUnder(home), ...filesUnder(hostTmp)];
      const byName = (suffix: string) => files.filter((f) => f.name.endsWith(suffix));
      const hostLog = byName(join('logs', 'host.log'));
      expect(hostLog.map((f) => f.bytes.length > 0)).toEqual([true]);
      // Booleans only: a failed check must not print what the files hold.
      expect(hostLog[0]!.bytes.includes('serving on 127.0.0.1')).toBe(true);
      expect(byName('profiles.json').map((f) => f.bytes.includes('Geheimschule'))).toEqual([true]);
      expect(byName('settings.json').map((f) => f.bytes.includes(key.path))).toEqual([true]);
      // The wizard's key files (encrypted, in the data folder by design) are among those searched.
      expect(
        ['id_ed25519', 'id_ed25519.pub', 'id_ed25519.ppk'].map((n) => byName(join('keys', n)).length),
      ).toEqual([1, 1, 1]);
      const sessionLogs = files.filter((f) => f.name.includes(join('logs', 'sessions')));
      expect(sessionLogs.length).toBe(1);
      // Positive controls: the marker in the session log, the password prompt and the marker in the frames.
      const frames = bridges.flatMap((b) => b.frames);
      const marked = { kind: 'marker', value: marker };
      const found = (places: Place[]) => new Set(searchSecrets([marked], places).map((h) => h.place));
      expect(found(sessionLogs).size).toBe(1);
      expect(found(frames).size).toBeGreaterThan(0);
      expect(sessionLogs[0]!.bytes.includes('Passwort: ')).toBe(true);
      // ... and a base64 search finds the public key's blob (its bytes, not its text) in the agent's events.
      const blob = { kind: 'public key', value: Buffer.from(key.publicKey.split(' ')[1]!, 'base64') };
      expect(searchSecrets([blob], frames).length).toBeGreaterThan(0);
      expect(statSync(sessionLogs[0]!.name).size).toBeGreaterThan(100);
      const streams = hosts.flatMap((h, i) => [
        { name: `host ${i + 1} stdout`, bytes: Buffer.from(h.stdout()) },
        { name: `host ${i + 1} stderr`, bytes: Buffer.from(h.stderr()) },
      ]);
      expect(streams[1]!.bytes.includes('serving on 127.0.0.1')).toBe(true);

      expectNoHits(
        [
          { kind: 'key passphrase', value: passphrase },
          { kind: 'wrong key passphrase', value: wrongPassphrase },
          { kind: 'DUO passcode', value: passcode },
          { kind: 'wrong DUO passcode', value: wrongPasscode },
          { kind: 'passphrase given to the wizard', value: wizardPassphrase },
          wizardKey,
          { kind: 'password typed at read -s', value: password },
          { kind: 'agent lock passphrase', value: lockPassphrase },
          key.secret,
        ],
        [...files, ...frames, ...streams],
      );
      // Nothing written outside the data folder: no copy of the key, no stray log.
      expect(filesUnder(home).map((f) => f.name)).toEqual([]);
      expect(filesUnder(hostTmp).map((f) => f.name)).toEqual([]);
    });
  });

  it('a call that fails never answers with the secret it was given', async () => {
    // Each secret field of the contract, refused in the ways a renderer (or a page with the token)
    // could make it fail: too long, the wrong type, with another field wrong, for a thing that is
    // not there, in the wrong state. Only failed results are searched: their error params may name
    // what the user typed as a path, host or id, never a secret.
    const written = captureOutput();
    let clean = false;
    onTestFinished(() => written.release(clean));
    const app = startTestBackend();
    try {
      const secret = `Geheim ${random(24)} "ä" \\`;
      const long = secret.repeat(60);
      const passphraseFields = [secret, long, [secret], { secret }, `${secret}\u0000`];
      const attempts: Array<[string, unknown]> = [];
      for (const value of passphraseFields) {
        attempts.push(
          ['keys.importFile', { path: 'relativ/id_ed25519', passphrase: value }],
          ['keys.importFile', { path: join(dir, 'fehlt'), passphrase: value }],
          ['keys.importFile', { path: key.path, passphrase: value }],
          ['keys.generate', { type: 'ed25519', comment: EMAIL, passphrase: value, path: 'relativ' }],
          ['keys.generate', { type: 'dsa', comment: 'kein', passphrase: value, path: key.path }],
          ['keys.generate', { type: 'ed25519', comment: EMAIL, passphrase: value, path: key.path }],
          ['agent.addFile', { path: key.path, passphrase: value, storePassphrase: true }],
          ['agent.addFile', { path: key.path, passphrase: value, remember: true, storePassphrase: true }],
          ['agent.addFile', { path: join(dir, 'fehlt'), passphrase: value }],
          ['agent.unlock', { passphrase: value }],
          ['prompts.answer', { id: 'keins', answer: { kind: 'passphrase', passphrase: value } }],
          ['prompts.answer', { id: 'keins', answer: { kind: 'keyboardInteractive', answers: [value] } }],
          ['prompts.answer', { id: 'keins', answer: { kind: 'keyboardInteractive', answers: value } }],
          ['prompts.answer', { id: 'keins', answer: { kind: value, passphrase: value } }],
          ['terminal.write', { sessionId: 'keine', data: value }],
          ['terminal.write', { sessionId: 'keine', data: [value] }],
        );
      }
      // Locked: a second lock and a wrong unlock fail too.
      await app.api.agent.lock({ passphrase: `Sperre-${random(24)}` });
      attempts.push(['agent.lock', { passphrase: secret }], ['agent.unlock', { passphrase: secret }]);
      const failed: Place[] = [];
      for (const [name, input] of attempts) {
        const result = await app.backend.dispatcher.invoke(name as never, input);
        if (!result.ok)
          failed.push({ name: `failed result of ${name}`, bytes: Buffer.from(JSON.stringify(result)) });
      }
      // Nearly all fail (an answer to a prompt that is gone is taken and dropped); each call fails somehow.
      expect(failed.length).toBeGreaterThan(attempts.length * 0.9);
      const failedCalls = new Set(failed.map((f) => f.name.replace('failed result of ', '')));
      expect([...failedCalls].sort()).toEqual([...new Set(attempts.map(([name]) => name))].sort());
      expectNoHits(
        [{ kind: 'secret sent in a call', value: secret }],
        [
          ...failed,
          { name: 'backend log', bytes: Buffer.from(app.log.lines.join('\n')) },
          { name: 'stdout and stderr of the test process', bytes: written.bytes() },
        ],
      );
      clean = true;
    } finally {
      await app.cleanup();
    }
  });

  describe('a passphrase kept by the OS keychain (stand-in; Electron only)', () => {
    let app: TestBackend | undefined;
    afterAll(async () => {
      await app?.cleanup();
    });

    it('is stored sealed only, and loads the key at the next start', async () => {
      // The backend runs in this process: what it writes to stdout or stderr is searched too, and
      // passed on only once nothing was found in it.
      const written = captureOutput();
      let clean = false;
      onTestFinished(() => written.release(clean));
      const vault = fakeVault();
      app = startTestBackend(undefined, { vault });
      // Every event the backend emits (what IPC would send to the window), and the results of the calls.
      const messages: Place[] = [];
      const record = (test: TestBackend, label: string) =>
        test.backend.events.subscribe((name, payload) =>
          messages.push({ name: `${label} event ${name}`, bytes: Buffer.from(JSON.stringify(payload)) }),
        );
      record(app, 'first start');
      const added = await app.api.agent.addFile({
        path: key.path,
        passphrase,
        remember: true,
        storePassphrase: true,
      });
      messages.push({ name: 'agent.addFile result', bytes: Buffer.from(JSON.stringify(added)) });
      expect(added.passphraseStored).toBe(true);
      const logLines = [...app.log.lines];
      app = await app.restart();
      record(app, 'second start');
      const restarted = app;
      await expect.poll(async () => (await restarted.api.agent.list()).length, { timeout: 15_000 }).toBe(1);
      const keys = await app.api.agent.list();
      messages.push({ name: 'agent.list result', bytes: Buffer.from(JSON.stringify(keys)) });
      expect(keys.map((k) => k.passphraseStored)).toEqual([true]);
      expect(vault.calls).toEqual({ encrypt: 1, decrypt: 1 });
      expect(await app.api.prompts.pending()).toEqual([]);

      const files = filesUnder(app.dataDir);
      const sealed = files.filter((f) => f.name.endsWith('vault.json'));
      expect(sealed.map((f) => JSON.parse(f.bytes.toString()).entries.length)).toEqual([1]);
      expectNoHits(
        [{ kind: 'key passphrase', value: passphrase }, key.secret],
        [
          ...files,
          ...messages,
          { name: 'log (first start)', bytes: Buffer.from(logLines.join('\n')) },
          { name: 'log (second start)', bytes: Buffer.from(app.log.lines.join('\n')) },
          { name: 'stdout and stderr of the test process', bytes: written.bytes() },
        ],
      );
      clean = true;
    });
  });
});
