import type { keyCalls } from '../../../shared/contract/keys';
import type { HandlersOf } from '../../contract/dispatcher';
import { freeDefaultKeyPath } from '../../services/keys-wizard/paths';
import type { KeyWizard } from '../../services/keys-wizard/key-wizard';

export function keyHandlers(deps: { wizard: KeyWizard; dataDir: string }): HandlersOf<typeof keyCalls> {
  const { wizard, dataDir } = deps;
  return {
    'keys.status': () => wizard.status(),
    'keys.defaultPath': async ({ type }) => ({ path: await freeDefaultKeyPath(dataDir, type) }),
    'keys.generate': (input) => wizard.generate(input),
    'keys.importFile': ({ path, passphrase }) => wizard.importFile(path, passphrase),
  };
}
