// Loading one imported key file into the agent, remembered for every start:
// the answer keys.passphraseRequired asks for the passphrase, a wrong one
// says so with the app's usual text and asks again.
import type { Api } from '../../../shared/contract/api';
import { toErrorInfo } from '../../components/errors';

export type KeyFileStep =
  | { step: 'loading' }
  | { step: 'loaded'; name: string }
  | { step: 'passphrase'; wrong?: string }
  | { step: 'failed'; error: string }
  | { step: 'skipped' };

export async function loadKeyFile(
  api: Pick<Api, 'agent'>,
  errorText: (error: unknown) => string,
  path: string,
  passphrase?: string,
): Promise<KeyFileStep> {
  try {
    const key = await api.agent.addFile({
      path,
      remember: true,
      ...(passphrase === undefined ? {} : { passphrase }),
    });
    return { step: 'loaded', name: key.comment || key.fingerprint };
  } catch (error) {
    const { code } = toErrorInfo(error);
    if (code === 'keys.passphraseRequired') return { step: 'passphrase' };
    if (code === 'keys.wrongPassphrase') return { step: 'passphrase', wrong: errorText(error) };
    return { step: 'failed', error: errorText(error) };
  }
}
