import type { movingInCalls } from '../../../shared/contract/moving-in';
import type { HandlersOf } from '../../contract/dispatcher';
import type { MovingInService } from '../../services/moving-in/moving-in-service';

export function movingInHandlers(movingIn: MovingInService): HandlersOf<typeof movingInCalls> {
  return {
    'import.preview': (source) => movingIn.preview(source),
    'import.apply': (selection) => movingIn.apply(selection),
    'export.sshConfig': () => movingIn.exportSshConfig(),
    'export.knownHosts': () => movingIn.exportKnownHosts(),
  };
}
