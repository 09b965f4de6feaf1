// The Electron store backend: electron-store, built with the same options as
// `conf` in plain Node (see storage/node-conf.ts).
import ElectronStore from 'electron-store';
import type { ConfFactory } from '../storage/conf-store';

export const electronConfFactory: ConfFactory = ({ cwd, name, defaults }) =>
  new ElectronStore<Record<string, unknown>>({ cwd, name, defaults, configFileMode: 0o600 });
