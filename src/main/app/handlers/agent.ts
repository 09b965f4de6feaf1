import type { agentCalls } from '../../../shared/contract/agent';
import { OK } from '../../../shared/contract/define';
import type { HandlersOf } from '../../contract/dispatcher';
import type { AgentService } from '../../services/agent/agent-service';

export function agentHandlers(agent: AgentService): HandlersOf<typeof agentCalls> {
  return {
    'agent.state': () => agent.state(),
    'agent.list': () => agent.list(),
    'agent.addFile': (input) => agent.addFile(input),
    'agent.remove': ({ fingerprint, forget }) => {
      agent.remove(fingerprint, forget);
      return OK;
    },
    'agent.removeAll': () => ({ removed: agent.removeAll() }),
    'agent.lock': async ({ passphrase }) => {
      await agent.lock(passphrase);
      return OK;
    },
    'agent.unlock': async ({ passphrase }) => {
      await agent.unlock(passphrase);
      return OK;
    },
    'agent.dismissRefusals': () => {
      agent.dismissRefusals();
      return OK;
    },
  };
}
