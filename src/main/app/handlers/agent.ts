import type { agentCalls } from '../../../shared/contract/agent';
import { OK } from '../../../shared/contract/define';
import type { HandlersOf } from '../../contract/dispatcher';
import type { AgentRuntime } from '../../services/agent/agent-service';

export function agentHandlers(runtime: AgentRuntime): HandlersOf<typeof agentCalls> {
  return {
    'agent.state': () => runtime.state(),
    'agent.list': () => runtime.list(),
    'agent.addFile': (input) => runtime.addFile(input),
    'agent.remove': ({ fingerprint, forget }) => {
      runtime.remove(fingerprint, forget);
      return OK;
    },
    'agent.removeAll': () => ({ removed: runtime.removeAll() }),
    'agent.lock': async ({ passphrase }) => {
      await runtime.lock(passphrase);
      return OK;
    },
    'agent.unlock': async ({ passphrase }) => {
      await runtime.unlock(passphrase);
      return OK;
    },
    'agent.dismissRefusals': () => {
      runtime.dismissRefusals();
      return OK;
    },
  };
}
