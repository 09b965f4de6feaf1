// The plain-Node store backend: `conf`, electron-store's base library.
import Conf from 'conf';
import type { ConfFactory } from './conf-store';

export const nodeConfFactory: ConfFactory = ({ cwd, name, defaults }) =>
  new Conf<Record<string, unknown>>({
    cwd,
    configName: name,
    defaults,
    projectName: 'fernwartung',
    // Only the owner reads settings (they hold e-mail and phone number).
    configFileMode: 0o600,
  });
