import { createContext, useContext } from 'react';
import type { Api } from '../../shared/contract/api';
import type { AppInfo } from '../../shared/contract/app';
import type { Settings } from '../../shared/model/settings';

export interface AppContextValue {
  api: Api;
  info: AppInfo;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside AppContext');
  return value;
}

/** What the frame gives each fixed view: its settings, and a way to say they changed. */
export interface ViewContext {
  settings: Settings;
  /** Call after changing settings through the API, so the frame shows them. */
  onSettings: (settings: Settings) => void;
}
