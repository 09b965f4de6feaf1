// The three states the tray icon shows. Locked wins: a locked agent signs
// nothing, whatever it holds.
import type { AgentStateInfo } from '../../../shared/contract/agent';

export const trayStates = ['nokey', 'loaded', 'locked'] as const;
export type TrayState = (typeof trayStates)[number];

export function trayStateOf(agent: Pick<AgentStateInfo, 'keyCount' | 'locked'>): TrayState {
  if (agent.locked) return 'locked';
  return agent.keyCount > 0 ? 'loaded' : 'nokey';
}
