// Shared by the SSH and terminal integration tests: throwaway keys made by
// ssh-keygen, scripted prompters, and a connect helper with test defaults.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryStore } from '../../../src/main/storage/document-store';
import { emptyKnownHosts, KnownHosts, type KnownHostsDocument } from '../../../src/main/ssh/known-hosts';
import type { HostKeyDecision, HostKeyPrompter, HostKeyQuestion } from '../../../src/main/ssh/prompters';
import type { DocumentStore } from '../../../src/main/storage/document-store';

export interface TestKey {
  privateKey: Buffer;
  publicKey: string;
}

export interface KeyDir {
  dir: string;
  make(name: string, passphrase?: string): TestKey;
  remove(): void;
}

export function makeKeyDir(): KeyDir {
  const dir = mkdtempSync(join(tmpdir(), 'fw-ssh-test-'));
  return {
    dir,
    make(name, passphrase = '') {
      const file = join(dir, name);
      execFileSync('ssh-keygen', [
        '-q',
        '-t',
        'ed25519',
        '-N',
        passphrase,
        '-C',
        'techniker@example.org',
        '-f',
        file,
      ]);
      return { privateKey: readFileSync(file), publicKey: readFileSync(`${file}.pub`, 'utf8').trim() };
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A prompter that answers with `decision` (optionally after `delayMs`) and records each question. */
export function scriptedPrompter(
  decision: HostKeyDecision,
  delayMs = 0,
): HostKeyPrompter & { questions: Omit<HostKeyQuestion, 'signal'>[]; decidedAt: number[] } {
  const questions: Omit<HostKeyQuestion, 'signal'>[] = [];
  const decidedAt: number[] = [];
  return {
    questions,
    decidedAt,
    async decide(question) {
      const { signal: _signal, ...rest } = question;
      questions.push(rest);
      if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
      decidedAt.push(Date.now());
      return decision;
    },
  };
}

/** A prompter that fails the test if it is ever asked. */
export function neverAskPrompter(): HostKeyPrompter & { asked: number } {
  const prompter = {
    asked: 0,
    async decide(): Promise<HostKeyDecision> {
      prompter.asked++;
      return 'cancel';
    },
  };
  return prompter;
}

export function memoryKnownHosts(): { store: DocumentStore<KnownHostsDocument>; knownHosts: KnownHosts } {
  const store = createMemoryStore<KnownHostsDocument>(emptyKnownHosts());
  return { store, knownHosts: new KnownHosts(store) };
}

/** Collects ssh2 debug lines with their time, for "what was sent when" checks. */
export function debugRecorder(): { lines: { at: number; line: string }[]; debug: (line: string) => void } {
  const lines: { at: number; line: string }[] = [];
  return { lines, debug: (line) => lines.push({ at: Date.now(), line }) };
}
