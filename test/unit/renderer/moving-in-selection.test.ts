// What "Auswahl importieren" sends: exactly the ticked profiles and host keys
// of the preview (never a duplicate, never a key file), and how a ticked key
// file goes into the agent, asking its passphrase.
import { describe, expect, it, vi } from 'vitest';
import {
  applySelection,
  initialSelection,
  newFound,
  nothingTicked,
  toggle,
} from '../../../src/renderer/views/moving-in/selection';
import { loadKeyFile } from '../../../src/renderer/views/moving-in/key-file-load';
import { ContractError, type Api } from '../../../src/shared/contract/api';
import type { ImportResult } from '../../../src/shared/contract/moving-in';
import { samplePreview } from './moving-in-render';

const result: ImportResult = {
  profilesAdded: 1,
  profilesReplaced: 1,
  hostKeysAdded: 1,
  hostKeysReplaced: 0,
  skipped: [],
};

function fakeImportApi() {
  const apply = vi.fn(async (_input: unknown) => result);
  return { api: { import: { apply } } as unknown as Pick<Api, 'import'>, apply };
}

describe('import selection', () => {
  it('ticks the new items only at first', () => {
    const selection = initialSelection(samplePreview());
    expect([...selection.profiles]).toEqual(['p1']);
    expect([...selection.hostKeys]).toEqual(['h1', 'h4']);
    expect([...selection.keyFiles]).toEqual(['k1']);
  });

  it('sends exactly the ticked ids, in the preview order', async () => {
    const preview = samplePreview();
    let selection = initialSelection(preview);
    selection = toggle(selection, 'profiles', 'p3', true); // a conflict, ticked: replaces
    selection = toggle(selection, 'hostKeys', 'h1', false); // a new one, unticked
    selection = toggle(selection, 'hostKeys', 'h3', true);
    const { api, apply } = fakeImportApi();
    const applied = await applySelection(api, preview, selection);
    expect(apply).toHaveBeenCalledTimes(1);
    expect(apply.mock.calls[0]![0]).toEqual({
      previewId: 'preview-1',
      profiles: ['p1', 'p3'],
      hostKeys: ['h3', 'h4'],
    });
    expect(applied.result).toBe(result);
    expect(applied.keyFiles.map((k) => k.id)).toEqual(['k1']);
  });

  it('never sends a duplicate, nor loads a missing or already loaded key file', async () => {
    const preview = samplePreview();
    let selection = toggle(initialSelection(preview), 'profiles', 'p2', true);
    selection = toggle(selection, 'hostKeys', 'h2', true);
    selection = toggle(selection, 'keyFiles', 'k2', true);
    selection = toggle(selection, 'keyFiles', 'k3', true);
    const { api, apply } = fakeImportApi();
    const applied = await applySelection(api, preview, selection);
    expect(apply.mock.calls[0]![0]).toEqual({
      previewId: 'preview-1',
      profiles: ['p1'],
      hostKeys: ['h1', 'h4'],
    });
    expect(applied.keyFiles.map((k) => k.id)).toEqual(['k1']);
  });

  it('sends empty lists when only key files are ticked, and knows when nothing is', async () => {
    const preview = samplePreview();
    let selection = initialSelection(preview);
    for (const id of ['h1', 'h4']) selection = toggle(selection, 'hostKeys', id, false);
    selection = toggle(selection, 'profiles', 'p1', false);
    expect(nothingTicked(preview, selection)).toBe(false);
    const { api, apply } = fakeImportApi();
    await applySelection(api, preview, selection);
    expect(apply.mock.calls[0]![0]).toEqual({ previewId: 'preview-1', profiles: [], hostKeys: [] });
    expect(nothingTicked(preview, toggle(selection, 'keyFiles', 'k1', false))).toBe(true);
  });

  it('counts what the first-use offer mentions: new sessions and new host keys', () => {
    expect(newFound(samplePreview())).toEqual({ profiles: 1, hostKeys: 2 });
  });
});

describe('loading a ticked key file', () => {
  const key = { comment: 'max@firma.de', fingerprint: 'SHA256:k' };
  const errorText = (error: unknown) => `text of ${(error as ContractError).info.code}`;
  const agent = (answer: () => Promise<unknown>) => {
    const addFile = vi.fn(answer);
    return { api: { agent: { addFile } } as unknown as Pick<Api, 'agent'>, addFile };
  };

  it('loads it remembered for every start', async () => {
    const { api, addFile } = agent(async () => key);
    expect(await loadKeyFile(api, errorText, '/k')).toEqual({ step: 'loaded', name: 'max@firma.de' });
    expect(addFile).toHaveBeenCalledWith({ path: '/k', remember: true });
  });

  it('asks the passphrase when the answer is keys.passphraseRequired, and sends it', async () => {
    const required = agent(async () => {
      throw new ContractError({ code: 'keys.passphraseRequired', params: {} });
    });
    expect(await loadKeyFile(required.api, errorText, '/k')).toEqual({ step: 'passphrase' });
    const { api, addFile } = agent(async () => key);
    await loadKeyFile(api, errorText, '/k', 'geheim');
    expect(addFile).toHaveBeenCalledWith({ path: '/k', remember: true, passphrase: 'geheim' });
  });

  it('asks again with the usual text after a wrong passphrase; other errors end it', async () => {
    const wrong = agent(async () => {
      throw new ContractError({ code: 'keys.wrongPassphrase', params: {} });
    });
    expect(await loadKeyFile(wrong.api, errorText, '/k', 'x')).toEqual({
      step: 'passphrase',
      wrong: 'text of keys.wrongPassphrase',
    });
    const refused = agent(async () => {
      throw new ContractError({ code: 'keys.policyRefused', params: { type: 'ssh-dss', bits: 1024 } });
    });
    expect(await loadKeyFile(refused.api, errorText, '/k')).toEqual({
      step: 'failed',
      error: 'text of keys.policyRefused',
    });
  });
});
