import { createContext, useContext } from 'react';
import type { Api } from '../../shared/contract/api';
import type { AppInfo } from '../../shared/contract/app';

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
