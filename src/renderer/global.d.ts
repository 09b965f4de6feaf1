import type { RawApi } from '../shared/contract/api';

declare global {
  interface Window {
    /** Set by the preload (Electron); absent in a browser, where the WebSocket bridge provides it. */
    fernwartung?: RawApi;
  }
  const __APP_VERSION__: string;
}
