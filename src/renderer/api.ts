// The renderer's one way to the backend: the contract, from the preload in
// Electron or over the headless host's WebSocket bridge in a browser.
import { unwrapApi, type Api } from '../shared/contract/api';
import { connectWebSocketBridge } from './bridge/ws-client';

export async function connectApi(onBridgeLost: () => void): Promise<Api> {
  if (window.fernwartung) return unwrapApi(window.fernwartung);
  const url = new URL('/bridge', window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return unwrapApi(await connectWebSocketBridge(url.href, onBridgeLost));
}
