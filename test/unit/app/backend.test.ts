import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContractError } from '../../../src/shared/contract/api';
import { startTestBackend, type TestBackend } from '../../fixtures/app/backend';

describe('backend through the contract', () => {
  const opened: TestBackend[] = [];
  const start = (dir?: string) => {
    const t = startTestBackend(dir);
    opened.push(t);
    return t;
  };
  afterEach(async () => {
    for (const t of opened.splice(0)) await t.cleanup();
  });

  it('stores settings and profiles across a restart', async () => {
    const first = start();
    await first.api.settings.update({ firmPrefix: 'IServ', fullName: 'Max.Mustermann' });
    const saved = await first.api.profiles.save({
      kind: 'portal',
      name: 'Gymnasium',
      host: 'Meine-Schule.de',
      port: 22,
      user: '',
      keyPath: '',
    });
    expect(saved.host).toBe('meine-schule.de');
    const second = await first.restart();
    opened.push(second);
    expect(await second.api.settings.get()).toMatchObject({
      firmPrefix: 'iserv',
      fullName: 'max.mustermann',
    });
    expect(await second.api.profiles.list()).toEqual([saved]);
    if (process.platform !== 'win32') {
      expect(statSync(join(second.dataDir, 'settings.json')).mode & 0o777).toBe(0o600);
    }
  });

  it('moves a corrupt settings file aside and reports it', async () => {
    const first = start();
    await first.backend.dispose(); // One app per data folder: the first lets go.
    writeFileSync(join(first.dataDir, 'settings.json'), '{"schemaVersion": 1, "language": "de", "firmPr');
    const second = start(first.dataDir);
    const info = await second.api.app.info();
    expect(info.notices).toHaveLength(1);
    expect(info.notices[0]!.code).toBe('storage.corruptMovedAside');
    const backup = String(info.notices[0]!.params.backup);
    expect(readFileSync(backup, 'utf8')).toContain('firmPr');
    expect(readdirSync(first.dataDir).filter((f) => f.startsWith('settings.json.corrupt-'))).toHaveLength(1);
    expect((await second.api.settings.get()).language).toBe('de');
  });

  it('moves aside a settings file that is valid JSON but breaks the schema', async () => {
    const first = start();
    await first.backend.dispose();
    writeFileSync(join(first.dataDir, 'settings.json'), JSON.stringify({ schemaVersion: 1, language: 'fr' }));
    const second = start(first.dataDir);
    expect((await second.api.app.info()).notices.map((n) => n.code)).toEqual(['storage.corruptMovedAside']);
    expect(existsSync(join(first.dataDir, 'settings.json'))).toBe(true);
  });

  it('refuses invalid input with a code, without echoing values', async () => {
    const { api } = start();
    const error = await api.settings.update({ phone: 'secret-ish-value' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractError);
    expect((error as ContractError).info.code).toBe('invalidInput');
    expect(JSON.stringify((error as ContractError).info)).not.toContain('secret-ish-value');
    await expect(api.profiles.remove({ id: 'nope' })).rejects.toMatchObject({
      info: { code: 'profile.notFound' },
    });
  });

  it('asks prompts through events and takes answers by id', async () => {
    const { backend, api } = start();
    const opened: string[] = [];
    api.on('prompt.opened', (p) => opened.push(p.id));
    const answer = backend.prompts.ask(
      { kind: 'passphrase', keyName: 'id_ed25519', retry: false },
      { kind: 'passphrase', passphrase: null },
    );
    expect(opened).toHaveLength(1);
    expect(await api.prompts.pending()).toHaveLength(1);
    expect(
      await api.prompts.answer({ id: opened[0]!, answer: { kind: 'hostKey', decision: 'cancel' } }),
    ).toEqual({
      accepted: false,
    });
    await api.prompts.answer({ id: opened[0]!, answer: { kind: 'passphrase', passphrase: 'pw' } });
    expect(await answer).toEqual({ kind: 'passphrase', passphrase: 'pw' });
    expect(await api.prompts.pending()).toHaveLength(0);
  });
});
