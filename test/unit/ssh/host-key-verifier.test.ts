import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../../src/main/storage/document-store';
import { emptyKnownHosts, KnownHosts, type KnownHostsDocument } from '../../../src/main/ssh/known-hosts';
import { hostKeyFromBlob } from '../../../src/main/ssh/host-key';
import { createHostKeyVerifier, decideHostKey } from '../../../src/main/ssh/host-key-verifier';
import type { HostKeyDecision, HostKeyPrompter, HostKeyQuestion } from '../../../src/main/ssh/prompters';
import { AppError } from '../../../src/main/core/app-error';
import { fakeHostKeyBlob } from './blobs';

const blobA = fakeHostKeyBlob('A');
const blobB = fakeHostKeyBlob('B');

function prompter(answer: HostKeyDecision | Error): HostKeyPrompter & { questions: HostKeyQuestion[] } {
  const questions: HostKeyQuestion[] = [];
  return {
    questions,
    async decide(q) {
      questions.push(q);
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
}

function setup(answer: HostKeyDecision | Error) {
  const store = createMemoryStore<KnownHostsDocument>(emptyKnownHosts());
  const knownHosts = new KnownHosts(store);
  const p = prompter(answer);
  return { store, knownHosts, p, options: { host: 'schule.example', port: 22, knownHosts, prompter: p } };
}

describe('host key decisions', () => {
  it('asks about an unknown key and remembers it on acceptAndRemember', async () => {
    const { knownHosts, p, options } = setup('acceptAndRemember');
    const outcome = await decideHostKey(blobA, options);
    expect(outcome).toMatchObject({ accepted: true, remembered: true, asked: true });
    expect(p.questions).toHaveLength(1);
    expect(p.questions[0]).toMatchObject({
      host: 'schule.example',
      port: 22,
      keyType: 'ssh-ed25519',
      fingerprint: hostKeyFromBlob(blobA).fingerprint,
    });
    expect(knownHosts.lookup('schule.example', 22, hostKeyFromBlob(blobA)).status).toBe('known');
  });

  it('accepts without storing on connectOnce', async () => {
    const { store, options } = setup('connectOnce');
    expect(await decideHostKey(blobA, options)).toMatchObject({ accepted: true, remembered: false });
    expect(store.read().entries).toEqual([]);
  });

  it('refuses on cancel and when the prompter throws', async () => {
    for (const answer of ['cancel', new Error('dialog crashed')] as const) {
      const { store, options } = setup(answer);
      const outcome = await decideHostKey(blobA, options);
      expect(outcome.accepted).toBe(false);
      if (!outcome.accepted) {
        expect(outcome.error.code).toBe('ssh.hostKeyRejected');
        expect(outcome.error.params.fingerprint).toBe(hostKeyFromBlob(blobA).fingerprint);
      }
      expect(store.read().entries).toEqual([]);
    }
  });

  it('accepts a remembered key without asking', async () => {
    const { knownHosts, p, options } = setup('cancel');
    knownHosts.remember('schule.example', 22, hostKeyFromBlob(blobA));
    expect(await decideHostKey(blobA, options)).toMatchObject({ accepted: true, asked: false });
    expect(p.questions).toEqual([]);
  });

  it('refuses a changed key at once and never asks', async () => {
    const { knownHosts, p, options } = setup('acceptAndRemember');
    knownHosts.remember('schule.example', 22, hostKeyFromBlob(blobA));
    const outcome = await decideHostKey(blobB, options);
    expect(p.questions).toEqual([]);
    expect(outcome.accepted).toBe(false);
    if (!outcome.accepted) {
      expect(outcome.error).toBeInstanceOf(AppError);
      expect(outcome.error.code).toBe('ssh.hostKeyChanged');
      expect(outcome.error.params).toEqual({
        host: 'schule.example',
        port: 22,
        keyType: 'ssh-ed25519',
        fingerprint: hostKeyFromBlob(blobB).fingerprint,
        knownKeyType: 'ssh-ed25519',
        knownFingerprint: hostKeyFromBlob(blobA).fingerprint,
      });
    }
    // The old key stays; nothing was overwritten.
    expect(knownHosts.lookup('schule.example', 22, hostKeyFromBlob(blobA)).status).toBe('known');
  });

  it('asks about a key of a type not stored for the host, and keeps the stored type', async () => {
    const { knownHosts, p, options } = setup('acceptAndRemember');
    const rsa = hostKeyFromBlob(fakeHostKeyBlob('R', 'ssh-rsa'));
    knownHosts.remember('schule.example', 22, rsa);
    expect(await decideHostKey(blobA, options)).toMatchObject({ accepted: true, asked: true });
    expect(p.questions).toHaveLength(1);
    expect(knownHosts.lookup('schule.example', 22, rsa).status).toBe('known');
    expect(knownHosts.lookup('schule.example', 22, hostKeyFromBlob(blobA)).status).toBe('known');
  });

  it('refuses a different key of a stored type even when another type is stored too', async () => {
    const { knownHosts, p, options } = setup('acceptAndRemember');
    knownHosts.remember('schule.example', 22, hostKeyFromBlob(blobA));
    knownHosts.remember('schule.example', 22, hostKeyFromBlob(fakeHostKeyBlob('R', 'ssh-rsa')));
    const outcome = await decideHostKey(fakeHostKeyBlob('S', 'ssh-rsa'), options);
    expect(p.questions).toEqual([]);
    expect(outcome.accepted).toBe(false);
    if (!outcome.accepted) {
      expect(outcome.error.code).toBe('ssh.hostKeyChanged');
      expect(outcome.error.params).toMatchObject({ keyType: 'ssh-rsa', knownKeyType: 'ssh-rsa' });
    }
  });

  it('refuses when the connection went away while the question was open', async () => {
    const controller = new AbortController();
    const { store, options } = setup('acceptAndRemember');
    const slow: HostKeyPrompter = {
      decide: async () => {
        controller.abort();
        return 'acceptAndRemember';
      },
    };
    const outcome = await decideHostKey(blobA, { ...options, prompter: slow, signal: controller.signal });
    expect(outcome.accepted).toBe(false);
    expect(store.read().entries).toEqual([]);
  });

  it('answers ssh2 only through verify, once, after the decision', async () => {
    const { options } = setup('connectOnce');
    let release!: (d: HostKeyDecision) => void;
    const held: HostKeyPrompter = { decide: () => new Promise((r) => (release = r)) };
    const prompts: boolean[] = [];
    const verification = createHostKeyVerifier({
      ...options,
      prompter: held,
      onPrompt: (open) => prompts.push(open),
    });
    const answers: boolean[] = [];
    const ret = verification.hostVerifier(blobA, (ok) => answers.push(ok));
    expect(ret).toBeUndefined();
    await new Promise((r) => setTimeout(r, 20));
    expect(answers).toEqual([]);
    expect(verification.outcome()).toBeUndefined();
    release('connectOnce');
    await new Promise((r) => setTimeout(r, 0));
    expect(answers).toEqual([true]);
    expect(prompts).toEqual([true, false]);
    // A re-key presenting the same key is accepted; another key is not.
    verification.hostVerifier(blobA, (ok) => answers.push(ok));
    verification.hostVerifier(blobB, (ok) => answers.push(ok));
    expect(answers).toEqual([true, true, false]);
  });

  it('does not answer ssh2 once the connection is gone', async () => {
    const { options } = setup('connectOnce');
    const controller = new AbortController();
    const decided: boolean[] = [];
    const held: HostKeyPrompter = {
      decide: async () => {
        controller.abort();
        decided.push(true);
        return 'connectOnce';
      },
    };
    const verification = createHostKeyVerifier({ ...options, prompter: held, signal: controller.signal });
    const answers: boolean[] = [];
    // Calling ssh2's verify now would hit its torn-down protocol.
    verification.hostVerifier(blobA, (ok) => answers.push(ok));
    await new Promise((r) => setTimeout(r, 10));
    expect(decided).toEqual([true]);
    expect(answers).toEqual([]);
    expect(verification.outcome()?.accepted).toBe(false);
  });

  it('refuses visibly when remembering fails', async () => {
    const { options } = setup('acceptAndRemember');
    const broken = createMemoryStore<KnownHostsDocument>(emptyKnownHosts());
    broken.write = () => {
      throw new AppError('storage.writeFailed', { file: 'known-hosts.json', reason: 'disk full' });
    };
    const verification = createHostKeyVerifier({ ...options, knownHosts: new KnownHosts(broken) });
    const answer = await new Promise<boolean>((resolve) => verification.hostVerifier(blobA, resolve));
    expect(answer).toBe(false);
    const outcome = verification.outcome();
    expect(outcome?.accepted).toBe(false);
    if (outcome && !outcome.accepted) expect(outcome.error.code).toBe('storage.writeFailed');
  });
});
