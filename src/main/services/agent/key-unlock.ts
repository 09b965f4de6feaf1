// Loads a key file into the agent, asking for its passphrase through the
// prompt service when it has one (again after a wrong one). Used when a
// profile names a key file and when keys remembered by path load at start.
import { basename } from 'node:path';
import type { AgentKeyInfo, AgentKeyStore } from '../../agent';
import { AppError, isAppError } from '../../core/app-error';
import type { PromptService } from '../../prompts/prompt-service';

const MAX_TRIES = 5;

export async function unlockKeyFileIntoAgent(
  path: string,
  agent: AgentKeyStore,
  prompts: PromptService,
  signal?: AbortSignal,
): Promise<AgentKeyInfo> {
  const loaded = agent.list().find((key) => key.source === path);
  if (loaded) return loaded;
  let passphrase: string | undefined;
  for (let attempt = 0; ; attempt++) {
    try {
      return await agent.addFromFile(path, passphrase);
    } catch (error) {
      const needsPassphrase = isAppError(error) && error.code === 'keys.passphraseRequired';
      const wrong = isAppError(error) && error.code === 'keys.wrongPassphrase';
      if (!(needsPassphrase || wrong) || attempt >= MAX_TRIES) throw error;
      const answer = await prompts.ask(
        { kind: 'passphrase', keyName: basename(path), retry: wrong },
        { kind: 'passphrase', passphrase: null },
        signal,
      );
      if (answer.passphrase === null) throw new AppError('keys.unlockCancelled', { file: basename(path) });
      passphrase = answer.passphrase;
    }
  }
}
