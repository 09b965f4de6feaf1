import { OK } from '../../../shared/contract/define';
import type { sessionCalls } from '../../../shared/contract/sessions';
import type { HandlersOf } from '../../contract/dispatcher';
import type { SessionService } from '../../services/sessions/session-service';

export function sessionHandlers(sessions: SessionService): HandlersOf<typeof sessionCalls> {
  return {
    'sessions.open': ({ cols, rows, reuseOnly, ...target }) =>
      sessions.open(target, { cols, rows }, { reuseOnly: reuseOnly === true }),
    'sessions.list': () => sessions.list(),
    'sessions.attach': ({ sessionId }) => sessions.attach(sessionId),
    'sessions.cancel': ({ sessionId }) => {
      sessions.cancel(sessionId);
      return OK;
    },
    'connections.list': () => sessions.connections(),
    'knownHosts.forget': ({ host, port }) => {
      sessions.forgetHostKeys(host, port);
      return OK;
    },
    'connections.close': async ({ id }) => {
      await sessions.closeConnection(id);
      return OK;
    },
    'sessions.close': async ({ sessionId }) => {
      await sessions.close(sessionId);
      return OK;
    },
    'terminal.write': ({ sessionId, data }) => {
      sessions.write(sessionId, data);
      return OK;
    },
    'terminal.resize': ({ sessionId, cols, rows }) => {
      sessions.resize(sessionId, cols, rows);
      return OK;
    },
    'terminal.ack': ({ sessionId, bytes }) => {
      sessions.ack(sessionId, bytes);
      return OK;
    },
  };
}
